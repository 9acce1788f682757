using System.Text.Json;
using SaferPlan.Core.Panels;

namespace SaferPlan.Core.Demo;

/// <summary>The shape of a demo folder's panels.json; see Demo/FORMAT.md.</summary>
public sealed class DemoPanelFile
{
    public List<DemoPanel> Panels { get; set; } = [];
}

public sealed record DemoPanel(string Name, List<string> Wards, string? PolicingTeam, List<DemoPanelMeeting> Meetings, List<DemoPanelPriority> Priorities);

public sealed record DemoPanelMeeting(string Key, DateOnly HeldOn, string Place);

public sealed record DemoPanelAction(DateOnly TakenOn, string Text, string TakenBy);

/// <summary>A priority: <c>route</c> NeighbourhoodPolicing | AsbTaskGroup (with <c>body</c>) | PartnerAgency (with <c>contact</c>, a person key).</summary>
public sealed record DemoPanelPriority(
    string RaisedAt, string Text, string? Ward, PanelRoute Route, string? Body, string? Contact, List<DemoPanelAction>? Actions, string? ReportedBackAt, string? ReportBack);

/// <summary>Loads a demo partnership's neighbourhood panels once (when it has none), from its panels.json.</summary>
public static class DemoPanels
{
    public static async Task LoadAsync(SaferPlanDbContext db, int partnershipId, string slug, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var resource = $"Demo/{slug}/panels.json";
        await using var stream = typeof(DemoPanels).Assembly.GetManifestResourceStream(resource);
        if (stream is null || await db.Set<NeighbourhoodPanel>().AnyAsync(p => p.PartnershipId == partnershipId, ct))
        {
            return;
        }

        var file = await JsonSerializer.DeserializeAsync<DemoPanelFile>(stream, DemoFile.Json, ct)
            ?? throw new InvalidDataException($"Demo data file {resource} is empty.");
        var bodies = await db.Bodies.Where(b => b.Partnerships.Any(p => p.Id == partnershipId)).ToDictionaryAsync(b => b.Key, b => b.Id, ct);
        var people = await db.People.Where(p => p.PartnershipId == partnershipId).ToDictionaryAsync(p => p.Key, p => p.Id, ct);
        db.AuditPartnershipId = partnershipId;
        foreach (var d in file.Panels)
        {
            var panel = new NeighbourhoodPanel { PartnershipId = partnershipId, Name = d.Name, WardList = string.Join('\n', d.Wards), PolicingTeam = d.PolicingTeam };
            var meetings = d.Meetings.ToDictionary(m => m.Key, m => new PanelMeeting { Panel = panel, HeldOn = m.HeldOn, Place = m.Place }, StringComparer.Ordinal);
            panel.Meetings.AddRange(meetings.Values);
            foreach (var p in d.Priorities)
            {
                var where = $"priority \"{p.Text}\" of {d.Name} in {resource}";
                PanelMeeting Meeting(string key) => meetings.GetValueOrDefault(key) ?? throw new InvalidDataException($"Demo {where} names an unknown meeting '{key}'.");
                if (p.Ward is { } ward && !d.Wards.Contains(ward, StringComparer.Ordinal))
                {
                    throw new InvalidDataException($"Demo {where} names ward '{ward}', which the panel does not cover.");
                }

                var priority = new PanelPriority
                {
                    Panel = panel,
                    RaisedAt = Meeting(p.RaisedAt),
                    Text = p.Text,
                    Ward = p.Ward,
                    Route = p.Route,
                    RouteBodyId = p.Route == PanelRoute.AsbTaskGroup
                        ? bodies.GetValueOrDefault(p.Body ?? PanelEditor.AsbTaskGroupKey) is var b and > 0 ? b : throw new InvalidDataException($"Demo {where} names an unknown body '{p.Body}'.")
                        : null,
                    RouteContactId = p.Route == PanelRoute.PartnerAgency
                        ? people.GetValueOrDefault(p.Contact ?? "") is var c and > 0 ? c : throw new InvalidDataException($"Demo {where} names an unknown contact '{p.Contact}'.")
                        : null,
                    Marking = ProtectiveMarking.Official,
                    ReportedBackAt = p.ReportedBackAt is { } back ? Meeting(back) : null,
                    ReportBack = p.ReportBack,
                    Status = p.ReportBack is not null ? PanelPriorityStatus.ReportedBack : p.Actions is { Count: > 0 } ? PanelPriorityStatus.Actioned : PanelPriorityStatus.Open,
                };
                priority.Actions.AddRange((p.Actions ?? []).Select(a => new PanelAction { Priority = priority, TakenOn = a.TakenOn, Text = a.Text, TakenBy = a.TakenBy }));
                panel.Priorities.Add(priority);
            }

            db.Add(panel);
        }

        await db.SaveChangesAsync(ct);
    }
}
