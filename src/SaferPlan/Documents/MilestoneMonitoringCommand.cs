using System.CommandLine;
using SaferPlan.Core.Documents;

namespace SaferPlan.Documents;

/// <summary><c>saferplan report monitoring</c>: a quarter's milestone monitoring in seed 004's layout written to a file.</summary>
public static class MilestoneMonitoringCommand
{
    public static Command Create() => ReportCommand.ForQuarter(
        "monitoring",
        "Write a quarter's milestone monitoring: per action its milestones with measurement, source, progress and whether on track. Without --public it includes items marked Restricted.",
        "2009-10-q1",
        async (request, audience, services, ct) =>
        {
            var document = await services.GetRequiredService<MilestoneMonitoringBuilder>().BuildAsync(new MilestoneMonitoringOptions(request.Slug, request.Period, audience), ct);
            return await ReportCommand.WriteAsync(request, document, ReportCommand.NoPartnership(request.Slug), d => MilestoneMonitoringDocx.ToBytes(d), d => MilestoneMonitoringHtml.Render(d),
                d => $"{d.PartnershipName} {MilestoneMonitoring.DocumentTitle} {d.Period.Display}, {ReportCommand.VersionText(d.Audience)}, marked {d.Marking}.", ct);
        });
}
