using System.Text.Json;
using System.Text.Json.Serialization;
using SaferPlan.Core.Monitoring;

namespace SaferPlan.Core.Demo;

/// <summary>The shape of the demo data files; see Demo/FORMAT.md.</summary>
public sealed class DemoFile
{
    public DemoPartnership? Partnership { get; set; }

    public List<DemoAgency> Agencies { get; set; } = [];

    public List<DemoPerson> People { get; set; } = [];

    public List<DemoBody> Bodies { get; set; } = [];

    public List<DemoPlan> Plans { get; set; } = [];

    public List<DemoMonitoring> Monitoring { get; set; } = [];

    /// <summary>Task groups' own action plans, shared into the partnerships they serve.</summary>
    public List<DemoBodyActionPlan> BodyActionPlans { get; set; } = [];

    /// <summary>The records of how an edition was refreshed: its timeline, consultation, comments and changes made.</summary>
    public List<DemoRefresh> Refreshes { get; set; } = [];

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };
}

/// <param name="Board">the key of the partnership's own Board among its bodies (whose quarterly meetings receive the Board report).</param>
public sealed record DemoPartnership(string Slug, string Name, string ShortName, string Area, string? Board = null);

public sealed record DemoAgency(string Key, string Name, string? ShortName);

public sealed record DemoPerson(string Key, string Name, string? RoleTitle, string? Agency, string? Email, string? Honorific = null);

/// <summary>A body; <paramref name="Members"/> are the people seated on it: a person key of this folder, or "slug/key" for a person of another partnership.</summary>
public sealed record DemoBody(string Key, string Name, BodyKind Kind, MeetingCadence Cadence, string? Chair, List<string>? MemberAgencies, string? Description, List<string>? Members = null);

public sealed record DemoPlan(string Title, int StartYear, int EndYear, List<DemoEdition> Editions);

public sealed record DemoEdition(
    string Year,
    string Label,
    string Title,
    EditionStatus Status,
    DateOnly? ApprovedOn,
    List<DemoSection>? Sections,
    List<DemoGlossaryEntry>? Glossary,
    List<DemoPriority> Priorities,
    string? ApprovedBy = null,
    string? ApprovalMinute = null,
    string? PreviousEdition = null);

public sealed record DemoSection(string Key, string Title, string Body, ProtectiveMarking Marking, SectionPlacement Placement);

public sealed record DemoGlossaryEntry(string Term, string Definition);

public sealed record DemoPriority(
    int Number,
    PriorityKind Kind,
    string Title,
    string? Why,
    string? WhatWeWillDo,
    string? Approach,
    string? MeasuringSuccess,
    string? DataUsed,
    string? LeadOfficer,
    ProtectiveMarking Marking,
    List<DemoAction>? Actions,
    List<int>? Origins = null);

public sealed record DemoCrossReference(string Text, int? Priority, string? Action);

public sealed record DemoAction(
    string Number,
    string Text,
    string? LeadAgency,
    string? OtherPartners,
    string? Body,
    DemoCrossReference? CrossReference,
    string? Note,
    List<DemoMilestone>? Milestones,
    string? LeadOfficer = null,
    string? Origin = null);

public sealed record DemoMilestone(
    string Code,
    string Text,
    string? Lead,
    MeasurementKind MeasurementKind,
    string? Measurement,
    string? Source,
    string? Target,
    List<string>? DueQuarters,
    List<DemoProgress>? Progress,
    string? LeadOfficer = null,
    string? Origin = null);

/// <summary>A quarter's progress on a milestone; <c>value</c> is the measured figure where the seed gives one, read by the milestone's measurement kind.</summary>
public sealed record DemoProgress(string Period, string? Text, UpdateStatus? Status, string? Value = null);

public sealed record DemoRound(DateOnly OpenedOn, DateOnly Deadline, DateOnly? LockOn);

/// <summary>A quarter's update of one milestone (<paramref name="Milestone"/>), or of an action as a whole covering <paramref name="Milestones"/>.</summary>
public sealed record DemoUpdate(string? Milestone, string? Progress, string? Value, UpdateStatus? Status, string? Author, ProtectiveMarking Marking, List<string>? Milestones = null);

public sealed record DemoFigureRow(string Label, List<decimal?> Values, List<decimal?>? YearToDate = null);

public sealed record DemoFigureTable(string Title, List<string> Columns, List<DemoFigureRow> Rows, bool YearToDate, ProtectiveMarking Marking, string? Note, bool Chart = false);

public sealed record DemoTaskGroupReport(
    string Title,
    int? Priority,
    string? Body,
    string? LeadOfficer,
    string? LeadOfficerName,
    string? Achievements,
    ProtectiveMarking AchievementsMarking,
    string? Concerns,
    ProtectiveMarking ConcernsMarking,
    string? Recommendations,
    ProtectiveMarking RecommendationsMarking,
    string? PublicityItems,
    List<DemoFigureTable>? Figures);

public sealed record DemoFigure(string Label, decimal? Value);

public sealed record DemoBriefing(
    string Body,
    string Title,
    string? To,
    string? From,
    DateOnly? IssuedOn,
    string? Purpose,
    string? Background,
    string? Sections,
    string? FiguresTitle,
    List<DemoFigure>? Figures,
    string? Risks,
    string? Recommendations,
    ProtectiveMarking Marking);

public sealed record DemoMonitoring(
    string Period,
    string Edition,
    DemoRound? Round,
    DateOnly? BoardMeeting,
    List<DemoUpdate>? Updates,
    List<DemoTaskGroupReport>? TaskGroupReports,
    List<DemoBriefing>? Briefings);

public sealed record DemoBodyActionPlanProgress(string Period, string Text, ProtectiveMarking Marking);

public sealed record DemoBodyActionPlanItem(string? Heading, string Number, string? Lead, string Text, string? Milestones, ProtectiveMarking Marking, List<DemoBodyActionPlanProgress>? Progress);

public sealed record DemoBodyActionPlan(string Body, string Year, string Title, string? StrategicAim, string? PlanLead, ProtectiveMarking Marking, List<DemoBodyActionPlanItem> Items);

public sealed record DemoConsultation(DateOnly Deadline, DateOnly StartedOn, string StartedBy);

/// <summary>A comment received, numbered as the seed numbers it ("1.2"); <paramref name="Priority"/> is the priority's number, null for the whole plan.</summary>
public sealed record DemoComment(string Number, int? Priority, string Text, string MadeBy, string? Source, DateOnly MadeOn, string? RecordedBy);

/// <summary>A change made, numbered as the seed numbers it ("1.4", after the priority's comments).</summary>
public sealed record DemoChange(string Number, int? Priority, string Text, string WrittenBy, DateOnly WrittenOn);

/// <summary>How the edition of <paramref name="Edition"/> (its year) was refreshed: seed 002.</summary>
public sealed record DemoRefresh(string Edition, RefreshTimelineInput? Timeline, DemoConsultation? Consultation, List<DemoComment>? Comments, List<DemoChange>? Changes);
