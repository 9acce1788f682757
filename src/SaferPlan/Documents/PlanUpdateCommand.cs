using System.CommandLine;
using SaferPlan.Core.Documents;

namespace SaferPlan.Documents;

/// <summary><c>saferplan report update</c>: a year's public plan update in seed 003's layout written to a file.</summary>
public static class PlanUpdateCommand
{
    public static Command Create() => ReportCommand.ForYear(
        "update",
        "Write a year's public plan update: foreword and Board members, achievements, what we did and spent per priority, the year's plan and how to get in touch. Always the public version: nothing Restricted, no e-mail addresses.",
        "The financial year of the update", "cambridge", "2012-13",
        async (request, services, ct) =>
        {
            var outcome = await services.GetRequiredService<PlanUpdateBuilder>().BuildAsync(request.Slug, request.Period, ct);
            return await ReportCommand.WriteAsync(request, outcome.Document, outcome.Refusal ?? "the update could not be read.", d => PlanUpdateDocx.ToBytes(d), d => PlanUpdateHtml.Render(d),
                d => $"{d.PartnershipName} {d.Title}, public version, marked {PlanUpdate.Marking}.", ct);
        });
}
