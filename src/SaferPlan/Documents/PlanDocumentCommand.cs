using System.CommandLine;
using SaferPlan.Core.Documents;

namespace SaferPlan.Documents;

/// <summary><c>saferplan report plan</c>: a year's edition of the partnership's plan in seed 000's layout written to a file.</summary>
public static class PlanDocumentCommand
{
    public static Command Create()
    {
        var publicVersion = new Option<bool>("--public") { Description = "Leave out every item marked Restricted, for publication (approved editions only)." };
        return ReportCommand.ForYear(
            "plan",
            "Write a year's edition of the plan: priorities with their narrative and action plans, mainstreamed work, how the partnership works and the glossary. Without --public it includes items marked Restricted.",
            "The edition's financial year", "south-cambridgeshire", "2010-11",
            async (request, services, ct) =>
            {
                var audience = request.Parse.GetValue(publicVersion) ? ReportAudience.Public : ReportAudience.Full;
                var outcome = await services.GetRequiredService<PlanDocumentBuilder>().BuildAsync(request.Slug, request.Period, audience, ct);
                return await ReportCommand.WriteAsync(request, outcome.Document, outcome.Refusal ?? "the edition could not be read.", d => PlanDocumentDocx.ToBytes(d), d => PlanDocumentHtml.Render(d),
                    d => $"{d.PartnershipName} {d.PlanHeading}, {d.YearHeading} ({d.Status}), {ReportCommand.VersionText(d.Audience)}, marked {d.Marking}.", ct);
            },
            publicVersion);
    }
}
