using SaferPlan.Monitoring.Briefings;
using SaferPlan.Monitoring.Dashboards;
using SaferPlan.Monitoring.Reminders;
using SaferPlan.Monitoring.TaskGroupReports;
using SaferPlan.Monitoring.UpdateLinks;
using SaferPlan.Monitoring.Updates;

namespace SaferPlan.Monitoring;

/// <summary>The JSON API for monitoring, one journey a folder: each maps its own endpoints beside its pages.</summary>
public static class MonitoringEndpoints
{
    public static void MapMonitoring(this IEndpointRouteBuilder app)
    {
        app.MapUpdates();
        app.MapCompleteness();
        app.MapReminders();
        app.MapUpdateLinks();
        app.MapTaskGroupReports();
        app.MapBriefings();
        app.MapDashboard();
    }
}
