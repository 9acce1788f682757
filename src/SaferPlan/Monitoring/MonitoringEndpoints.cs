using SaferPlan.Monitoring.Briefings;
using SaferPlan.Monitoring.Dashboards;
using SaferPlan.Monitoring.Reminders;
using SaferPlan.Monitoring.TaskGroupReports;
using SaferPlan.Monitoring.UpdateLinks;
using SaferPlan.Monitoring.Updates;

namespace SaferPlan.Monitoring;

/// <summary>The JSON API for monitoring, one journey a folder, each mapping its endpoints beside its pages into the groups made here.</summary>
public static class MonitoringEndpoints
{
    public static void MapMonitoring(this IEndpointRouteBuilder app)
    {
        var (api, writes) = app.MapApi("Monitoring");
        UpdateEndpoints.MapUpdates(api, writes);
        CompletenessEndpoints.MapCompleteness(api, writes);

        var reminders = app.MapGroup("/api").WithTags("Reminders").RequireAuthorization();
        ReminderEndpoints.MapReminders(reminders);
        UpdateLinkEndpoints.MapUpdateLinks(reminders);

        var reports = app.MapGroup("/api").WithTags("Task group reports").RequireAuthorization();
        TaskGroupReportEndpoints.MapTaskGroupReports(reports);
        BriefingEndpoints.MapBriefings(reports);

        app.MapDashboard();
    }
}
