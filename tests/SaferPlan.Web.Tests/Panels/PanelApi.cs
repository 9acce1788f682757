using SaferPlan.Web.Tests.Plans;

namespace SaferPlan.Web.Tests.Panels;

// The neighbourhood panels API's JSON as its tests read it: the tests' own description of the documented contract, kept
// apart from the app's types so a property renamed in the app fails a read (see PlanApi.Contract). Only what tests look at.

/// <summary>One of GET /api/partnerships/{slug}/panels.</summary>
internal sealed record PanelSummaryJson(int Id, string Name, IReadOnlyList<string> Wards, int Meetings, int Priorities);

/// <summary>GET /api/panels/{id}; <c>public</c> is true for the visitors' shape (no Restricted priorities, no names of people).</summary>
internal sealed record PanelJson(
    int Id, string Name, IReadOnlyList<string> Wards, string? PolicingTeam, bool Public, IReadOnlyList<PanelMeetingJson> Meetings,
    IReadOnlyList<PanelPriorityJson> Priorities, int Version) : IItemJson;

internal sealed record PanelMeetingJson(int Id, string HeldOn, string Place, int Version) : IItemJson;

/// <summary>A priority: <c>routedTo</c> names the team, task group or agency; <c>contact</c> only for members.</summary>
internal sealed record PanelPriorityJson(
    int Id, int PanelId, string Text, string? Ward, string Route, string RoutedTo, string? Contact, string Status, string Marking, PanelMeetingJson RaisedAt,
    string? ReportBack, PanelMeetingJson? ReportedBackAt, IReadOnlyList<PanelActionJson> Actions, int Version) : IItemJson;

/// <summary>An action taken on a priority; <c>takenBy</c> is null in the public shape.</summary>
internal sealed record PanelActionJson(int Id, int PriorityId, string TakenOn, string Text, string? TakenBy, int Version) : IItemJson;
