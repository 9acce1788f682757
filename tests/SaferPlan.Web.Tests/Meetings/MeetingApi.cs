using SaferPlan.Web.Tests.Plans;

namespace SaferPlan.Web.Tests.Meetings;

// The meetings API's JSON as its tests read it: the tests' own description of the documented contract, kept apart from the
// app's types so a property renamed in the app fails a read (see PlanApi.Contract). Only what tests look at.

/// <summary>A meeting: <c>startsAt</c> is UK time ("14:00"); <c>sequence</c> counts its moves.</summary>
internal sealed record MeetingJson(
    int Id, string Body, string MeetsOn, string StartsAt, bool IsPublic, bool IsCancelled, int Sequence, IReadOnlyList<AgendaItemJson> Agenda,
    IReadOnlyList<DecisionJson> Decisions, int Version) : IItemJson;

internal sealed record AgendaItemJson(string Title, string Paper, string? PaperKey, string? Url);

internal sealed record DecisionJson(int Id, string Text, string Kind, string? Url);

/// <summary>A statutory duty with its status on the day asked.</summary>
internal sealed record DutyJson(int Id, string Key, string Status, int Version) : IItemJson;

/// <summary>GET /api/partnerships/{slug}/meetings?year=.</summary>
internal sealed record MeetingYearJson(string Year, IReadOnlyList<MeetingJson> Meetings, IReadOnlyList<DutyJson> Duties);

/// <summary>What POST /api/partnerships/{slug}/meetings/schedule gives back.</summary>
internal sealed record ScheduleJson(int MeetingsAdded, int DutiesAdded, int MeetingsLeftOut = 0, int DutiesLeftOut = 0, DateOnly? LeftOutBefore = null, string? LeftOut = null);

/// <summary>What POST /api/account/calendar-feed gives back.</summary>
internal sealed record CalendarFeedJson(string Url);
