using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SaferPlan.Core.Data;
using SaferPlan.Core.Partnerships;
using SaferPlan.Core.Periods;
using SaferPlan.Core.Plans;

namespace SaferPlan.Core.Demo;

public sealed record DemoLoadResult(string Slug, bool Loaded, int Editions, int Priorities, int Actions, int Milestones);

/// <summary>
/// Loads the demo partnerships transcribed from the seed documents. A partnership that is already in
/// the database is left as it is, so loading twice changes nothing.
/// </summary>
public sealed class DemoLoader(SaferPlanDbContext db)
{
    private const string ResourcePrefix = "Demo/";

    public static IReadOnlyList<string> AvailablePartnerships() =>
        ReadFolders().Select(f => f.Partnership.Slug).ToList();

    public async Task<IReadOnlyList<DemoLoadResult>> LoadAllAsync(CancellationToken cancellationToken = default)
    {
        var results = new List<DemoLoadResult>();
        foreach (var folder in ReadFolders())
        {
            results.Add(await LoadAsync(folder, cancellationToken));
        }

        return results;
    }

    private async Task<DemoLoadResult> LoadAsync(DemoFolder folder, CancellationToken cancellationToken)
    {
        var source = folder.Partnership;
        if (await db.Partnerships.AnyAsync(p => p.Slug == source.Slug, cancellationToken))
        {
            return new DemoLoadResult(source.Slug, false, 0, 0, 0, 0);
        }

        var partnership = new Partnership { Slug = source.Slug, Name = source.Name, ShortName = source.ShortName, Area = source.Area };
        var agencies = new Dictionary<string, Agency>(StringComparer.Ordinal);
        foreach (var a in folder.Agencies)
        {
            var agency = await db.Agencies.FirstOrDefaultAsync(x => x.Key == a.Key, cancellationToken)
                ?? new Agency { Key = a.Key, Name = a.Name, ShortName = a.ShortName ?? a.Name };
            agencies[a.Key] = agency;
            partnership.Agencies.Add(agency);
        }

        var people = new Dictionary<string, Person>(StringComparer.Ordinal);
        foreach (var p in folder.People)
        {
            var person = new Person
            {
                Key = p.Key,
                Name = p.Name,
                RoleTitle = p.RoleTitle,
                Email = p.Email,
                Agency = p.Agency is null ? null : Lookup(agencies, p.Agency, "agency", $"person {p.Key}"),
            };
            people[p.Key] = person;
            partnership.People.Add(person);
        }

        var bodies = new Dictionary<string, Body>(StringComparer.Ordinal);
        foreach (var b in folder.Bodies)
        {
            var body = await db.Bodies.FirstOrDefaultAsync(x => x.Key == b.Key, cancellationToken)
                ?? new Body
                {
                    Key = b.Key,
                    Name = b.Name,
                    Kind = b.Kind,
                    Cadence = b.Cadence,
                    Description = b.Description,
                    Chair = b.Chair is null ? null : Lookup(people, b.Chair, "person", $"body {b.Key}"),
                    MemberAgencies = (b.MemberAgencies ?? []).Select(k => Lookup(agencies, k, "agency", $"body {b.Key}")).ToList(),
                };
            bodies[b.Key] = body;
            partnership.Bodies.Add(body);
        }

        db.Partnerships.Add(partnership);
        int editions = 0, priorities = 0, actions = 0, milestones = 0;
        foreach (var p in folder.Plans)
        {
            var plan = new Plan { Partnership = partnership, Title = p.Title, StartYear = p.StartYear, EndYear = p.EndYear };
            foreach (var e in p.Editions)
            {
                var edition = new PlanEdition
                {
                    YearStart = ReportingPeriod.Parse(e.Year).StartYear,
                    Label = e.Label,
                    Title = e.Title,
                    Status = e.Status,
                    ApprovedOn = e.ApprovedOn,
                    Sections = (e.Sections ?? []).Select((s, i) => new PlanSection
                    {
                        Key = s.Key, Title = s.Title, Body = s.Body, Marking = s.Marking, Placement = s.Placement, SortOrder = i + 1,
                    }).ToList(),
                    Glossary = (e.Glossary ?? []).Select((g, i) => new GlossaryEntry
                    {
                        Term = g.Term, Definition = g.Definition, SortOrder = i + 1,
                    }).ToList(),
                };
                foreach (var (pr, pi) in e.Priorities.Select((x, i) => (x, i)))
                {
                    var priority = new Priority
                    {
                        Number = pr.Number,
                        SortOrder = pi + 1,
                        Kind = pr.Kind,
                        Title = pr.Title,
                        Why = pr.Why,
                        WhatWeWillDo = pr.WhatWeWillDo,
                        Approach = pr.Approach,
                        MeasuringSuccess = pr.MeasuringSuccess,
                        DataUsed = pr.DataUsed,
                        Marking = pr.Marking,
                        LeadOfficer = pr.LeadOfficer is null ? null : Lookup(people, pr.LeadOfficer, "person", $"priority {pr.Number}"),
                    };
                    foreach (var (ac, ai) in (pr.Actions ?? []).Select((x, i) => (x, i)))
                    {
                        var action = new PlanAction
                        {
                            Number = ac.Number,
                            SortOrder = ai + 1,
                            Text = ac.Text,
                            LeadAgency = ac.LeadAgency,
                            OtherPartners = ac.OtherPartners,
                            Body = ac.Body is null ? null : Lookup(bodies, ac.Body, "body", $"action {ac.Number}"),
                            CrossReferenceText = ac.CrossReference?.Text,
                            CrossReferencePriorityNumber = ac.CrossReference?.Priority,
                            CrossReferenceActionNumber = ac.CrossReference?.Action,
                            Note = ac.Note,
                            LeadOfficer = NamedIn(people.Values, ac.LeadAgency),
                        };
                        foreach (var (m, mi) in (ac.Milestones ?? []).Select((x, i) => (x, i)))
                        {
                            action.Milestones.Add(new Milestone
                            {
                                Code = m.Code,
                                SortOrder = mi + 1,
                                Text = m.Text,
                                Lead = m.Lead is not null && people.TryGetValue(m.Lead, out var lead) ? lead.Name : m.Lead,
                                LeadOfficer = m.Lead is not null && people.TryGetValue(m.Lead, out var leadOfficer) ? leadOfficer : NamedIn(people.Values, m.Lead),
                                MeasurementKind = m.MeasurementKind,
                                Measurement = m.Measurement,
                                Source = m.Source,
                                Target = m.Target,
                                DueQuarters = m.DueQuarters is { Count: > 0 } due
                                    ? string.Join(',', due.Select(d => ReportingPeriod.Parse(d).Slug))
                                    : null,
                            });
                            milestones++;
                        }

                        priority.Actions.Add(action);
                        actions++;
                    }

                    edition.Priorities.Add(priority);
                    priorities++;
                }

                plan.Editions.Add(edition);
                editions++;
            }

            db.Plans.Add(plan);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new DemoLoadResult(source.Slug, true, editions, priorities, actions, milestones);
    }

    private static T Lookup<T>(Dictionary<string, T> items, string key, string kind, string where) =>
        items.TryGetValue(key, out var item)
            ? item
            : throw new InvalidDataException($"Demo data: {where} names {kind} '{key}', which no demo file defines.");

    private static Person? NamedIn(IEnumerable<Person> people, string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? null
            : people.FirstOrDefault(p => text.Contains(p.Name, StringComparison.OrdinalIgnoreCase));

    private sealed record DemoFolder(
        DemoPartnership Partnership,
        List<DemoAgency> Agencies,
        List<DemoPerson> People,
        List<DemoBody> Bodies,
        List<DemoPlan> Plans);

    private static List<DemoFolder> ReadFolders()
    {
        var assembly = typeof(DemoLoader).Assembly;
        var files = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .GroupBy(n => n[ResourcePrefix.Length..].Split('/', '\\')[0]);
        var folders = new List<DemoFolder>();
        foreach (var group in files)
        {
            DemoPartnership? partnership = null;
            var agencies = new Dictionary<string, DemoAgency>(StringComparer.Ordinal);
            var people = new Dictionary<string, DemoPerson>(StringComparer.Ordinal);
            var bodies = new Dictionary<string, DemoBody>(StringComparer.Ordinal);
            var plans = new List<DemoPlan>();
            foreach (var name in group)
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                DemoFile file;
                try
                {
                    file = JsonSerializer.Deserialize<DemoFile>(stream, DemoFile.Json)
                        ?? throw new InvalidDataException($"Demo data file {name} is empty.");
                }
                catch (JsonException ex)
                {
                    throw new InvalidDataException($"Demo data file {name}, line {ex.LineNumber + 1}: {ex.Message}", ex);
                }

                partnership ??= file.Partnership;
                foreach (var a in file.Agencies)
                {
                    agencies.TryAdd(a.Key, a);
                }

                foreach (var p in file.People)
                {
                    people.TryAdd(p.Key, p);
                }

                foreach (var b in file.Bodies)
                {
                    bodies.TryAdd(b.Key, b);
                }

                plans.AddRange(file.Plans);
            }

            if (partnership is null)
            {
                throw new InvalidDataException($"Demo data folder {group.Key} has no partnership.json with a \"partnership\".");
            }

            folders.Add(new DemoFolder(partnership, [.. agencies.Values], [.. people.Values], [.. bodies.Values], plans.OrderBy(p => p.StartYear).ToList()));
        }

        return folders;
    }
}
