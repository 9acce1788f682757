using System.Text;
using System.Text.Json;
using SaferPlan.Core.Crime;
using SaferPlan.Core.Monitoring;

namespace SaferPlan.Core.Demo;

public sealed record DemoLoadResult(string Slug, bool Loaded, int Editions, int Priorities, int Actions, int Milestones);

/// <summary>
/// Loads the demo partnerships transcribed from the seed documents. A partnership that is already in
/// the database is left as it is, so loading twice changes nothing.
/// </summary>
/// <remarks>Without a <see cref="CrimeImporter"/> (as some rule tests build it) the synthetic crime data is left out.</remarks>
public sealed class DemoLoader(SaferPlanDbContext db, DemoCrime demoCrime, CrimeImporter? crimeImporter = null)
{
    private const string ResourcePrefix = "Demo/";

    public static IReadOnlyList<string> AvailablePartnerships() =>
        ReadFolders().Select(f => f.Partnership.Slug).ToList();

    public async Task<IReadOnlyList<DemoLoadResult>> LoadAllAsync(CancellationToken cancellationToken = default)
    {
        var results = new List<DemoLoadResult>();
        var folders = ReadFolders();
        foreach (var folder in folders)
        {
            // A partnership is loaded whole or not at all: a process killed half-way must not leave a partnership that
            // later starts take as loaded.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            results.Add(await LoadAsync(folder, cancellationToken));
            await transaction.CommitAsync(cancellationToken);
        }

        // Seats after every partnership is in: a body may seat a person of another partnership (Dave Sargent sits on both Boards).
        await SeatMembersAsync(folders, cancellationToken);

        // Wards too are given again after a stop half-way, for as long as the database holds only the demo's crime.
        await LoadCrimeAsync(cancellationToken);
        if (crimeImporter is not null && !await db.Set<CrimeImport>().AnyAsync(i => i.ImportedBy != DemoCrimeImportedBy, cancellationToken))
        {
            await ApplyDemoWardsAsync(cancellationToken);
        }

        await demoCrime.ApplyAsync(cancellationToken);
        return results;
    }

    /// <summary>
    /// Seats each body's <c>members</c> once (while the body has nobody seated, so a seat removed later stays removed): a
    /// person key of the body's own folder, or "slug/key" for a person of another partnership.
    /// </summary>
    private async Task SeatMembersAsync(IReadOnlyList<DemoFolder> folders, CancellationToken cancellationToken)
    {
        foreach (var folder in folders)
        {
            var partnershipId = await db.Partnerships.Where(p => p.Slug == folder.Partnership.Slug).Select(p => p.Id).FirstAsync(cancellationToken);
            var added = false;
            foreach (var body in folder.Bodies.Where(b => b.Members is { Count: > 0 }))
            {
                var bodyId = await db.Bodies.Where(b => b.Key == body.Key).Select(b => b.Id).FirstAsync(cancellationToken);
                if (await db.Set<BodyMember>().AnyAsync(m => m.BodyId == bodyId, cancellationToken))
                {
                    continue;
                }

                foreach (var member in body.Members!)
                {
                    var (slug, key) = member.Split('/') is [var s, var k] ? (s, k) : (folder.Partnership.Slug, member);
                    var personId = await db.People
                        .Where(p => p.Key == key && db.Partnerships.Any(x => x.Id == p.PartnershipId && x.Slug == slug))
                        .Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken)
                        ?? throw new InvalidDataException($"Demo body {body.Key} seats '{member}', but partnership '{slug}' has no person '{key}'.");
                    db.Add(new BodyMember { BodyId = bodyId, PersonId = personId });
                    added = true;
                }
            }

            if (added)
            {
                db.AuditPartnershipId = partnershipId;
                await db.SaveChangesAsync(cancellationToken);
            }
        }
    }

    private const string DemoCrimeImportedBy = "demo data (synthetic)";

    /// <summary>The first month of the demo's SYNTHETIC recorded crime: a year before seed 000's comparison window starts.</summary>
    public static readonly CalendarMonth DemoCrimeFrom = CalendarMonth.Of(2007, 4);

    /// <summary>The last month of the demo's crime: seed 000 compares September 2008–August 2009 with the year before; the indicators run to 2011.</summary>
    public static readonly CalendarMonth DemoCrimeTo = CalendarMonth.Of(2011, 8);

    /// <summary>
    /// The generator of the demo's SYNTHETIC police.uk files: Cambridgeshire, of which only South Cambridgeshire's and
    /// Cambridge's rows (the two demo partnerships) are loaded so that the demo starts in seconds. Each district has its
    /// own random stream, so South Cambridgeshire's figures are the same with or without Cambridge's.
    /// </summary>
    public static SyntheticPoliceUk DemoCrime()
    {
        var generator = SyntheticPoliceUk.Cambridgeshire();
        generator.OnlyDistricts = new HashSet<string>(StringComparer.Ordinal) { "South Cambridgeshire", "Cambridge" };
        return generator;
    }

    /// <summary>Gives the demo's LSOAs their (synthetic) wards and local authority, as an uploaded ONS lookup would.</summary>
    private async Task ApplyDemoWardsAsync(CancellationToken cancellationToken)
    {
        var lookup = DemoLsoaLookup().ToDictionary(r => r.LsoaCode, StringComparer.Ordinal);
        foreach (var lsoa in await db.Set<Lsoa>().Where(l => l.WardCode == null).ToListAsync(cancellationToken))
        {
            if (lookup.TryGetValue(lsoa.Code, out var row))
            {
                lsoa.WardCode = row.WardCode;
                lsoa.WardName = row.WardName;
                lsoa.LocalAuthorityCode = row.LocalAuthorityCode;
                lsoa.LocalAuthorityName = row.LocalAuthorityName;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The ONS-style lookup (LSOA, ward, local authority) for the whole county the demo's crime files come from.</summary>
    public static IReadOnlyList<LsoaLookupRow> DemoLsoaLookup() => DemoCrime().Lookup;

    /// <summary>
    /// Loads the demo's SYNTHETIC police.uk files, generated in memory, when no crime data has been loaded at all; they
    /// are marked synthetic so every page and answer built on them can say so.
    /// </summary>
    public async Task<int> LoadCrimeAsync(CancellationToken cancellationToken = default)
    {
        // Only into a database with no crime but the demo's own: a process stopped half-way through loading it carries on
        // with the months it had not loaded yet (each force-month is loaded whole or not at all).
        if (crimeImporter is null || await db.Set<CrimeImport>().AnyAsync(i => i.ImportedBy != DemoCrimeImportedBy, cancellationToken))
        {
            return 0;
        }

        var loaded = (await db.Set<CrimeImport>().Select(i => new { i.Force.Key, i.Month }).ToListAsync(cancellationToken))
            .Select(i => (i.Key, i.Month)).ToHashSet();
        var generator = DemoCrime();
        var comparators = DemoNationalPicture.ComparatorForces();
        var files = new List<CrimeFileSource>();
        void Add(SyntheticPoliceUk force, CalendarMonth month)
        {
            if (!loaded.Contains((force.ForceKey, month.Key)))
            {
                files.Add(new CrimeFileSource($"{month}-{force.ForceKey}-street.csv", () => new StringReader(force.MonthText(month)), Synthetic: true));
            }
        }

        for (var month = DemoCrimeFrom; month <= DemoCrimeTo; month = month.AddMonths(1))
        {
            Add(generator, month);
            if (month >= DemoNationalPicture.From)
            {
                foreach (var force in comparators)
                {
                    Add(force, month);
                }
            }
        }

        var result = files.Count == 0 ? null : await ImportDemoFilesAsync(files, cancellationToken);

        // The comparator areas' residents (and South Cambridgeshire's and Cambridge's), once: what peers are computed from.
        if (!await db.Set<AreaPopulation>().AnyAsync(cancellationToken))
        {
            var csv = DemoNationalPicture.PopulationCsv(generator, comparators, DemoCrimeFrom.Year, DemoCrimeTo.Year);
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
            await demoCrime.LoadPopulationAsync(stream, "demo population (synthetic).csv", cancellationToken);
        }

        return result?.Loaded.Count ?? 0;
    }

    private async Task<CrimeImportResult> ImportDemoFilesAsync(List<CrimeFileSource> files, CancellationToken cancellationToken)
    {
        crimeImporter!.ImportedBy = DemoCrimeImportedBy;
        var result = await crimeImporter.ImportAsync(files, cancellationToken: cancellationToken);
        if (!result.Succeeded)
        {
            throw new InvalidDataException($"The demo's synthetic crime files were refused: {string.Join("; ", result.Refused)}");
        }

        return result;
    }

    private async Task<DemoLoadResult> LoadAsync(DemoFolder folder, CancellationToken cancellationToken)
    {
        var source = folder.Partnership;
        if (await db.Partnerships.Where(p => p.Slug == source.Slug).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken) is { } existing)
        {
            await LoadIndicatorsPanelsAndFundingAsync(existing, source.Slug, cancellationToken);
            return new DemoLoadResult(source.Slug, false, 0, 0, 0, 0);
        }

        var partnership = new Partnership { Slug = source.Slug, Name = source.Name, ShortName = source.ShortName, Area = source.Area };
        var directory = await DirectoryAsync(folder, partnership, cancellationToken);
        db.Partnerships.Add(partnership);
        var progress = new List<(Milestone Milestone, DemoProgress Progress)>();
        var editionsByYear = new Dictionary<string, PlanEdition>(StringComparer.Ordinal);
        var sources = AddPlans(folder, partnership, directory, progress, editionsByYear);
        var loaded = sources.Select(s => s.Edition).ToList();
        await db.SaveChangesAsync(cancellationToken);
        // Named after the first save: partnership, board, its chair and the chair's partnership would otherwise be one cycle to insert.
        partnership.Board = source.Board is null ? null : Lookup(directory.Bodies, source.Board, "body", "the partnership's board");
        db.AuditPartnershipId = partnership.Id;
        foreach (var (e, edition) in sources.Where(s => s.Source.PreviousEdition is not null))
        {
            LinkToPrevious(e, edition, editionsByYear);
        }

        foreach (var refresh in folder.Refreshes)
        {
            LoadRefresh(refresh, editionsByYear, directory.People);
        }

        var support = $"{source.ShortName} support officer";
        AddProgress(progress, support);
        foreach (var m in folder.Monitoring)
        {
            LoadMonitoring(m, partnership, editionsByYear, directory.People, directory.Bodies, support);
        }

        foreach (var plan in folder.BodyActionPlans)
        {
            db.Add(BodyActionPlanOf(plan, directory.Bodies));
        }

        PublishQuarters(folder, progress, partnership.Id, support);
        await db.SaveChangesAsync(cancellationToken);
        if (source.Slug == Meetings.DemoMeetings.Slug)
        {
            await Meetings.DemoMeetings.LoadAsync(db, partnership.Id, editionsByYear.GetValueOrDefault("2010/11"), cancellationToken);
        }

        await LoadIndicatorsPanelsAndFundingAsync(partnership.Id, source.Slug, cancellationToken);
        var priorities = loaded.SelectMany(e => e.Priorities).ToList();
        var actions = priorities.SelectMany(pr => pr.Actions).ToList();
        return new DemoLoadResult(source.Slug, true, loaded.Count, priorities.Count, actions.Count, actions.Sum(a => a.Milestones.Count));
    }

    /// <summary>The demo's indicators, panels and funding for a partnership (each loader skips what is already there).</summary>
    private async Task LoadIndicatorsPanelsAndFundingAsync(int partnershipId, string slug, CancellationToken cancellationToken)
    {
        await DemoIndicators.LoadAsync(db, partnershipId, slug, cancellationToken);
        await DemoPanels.LoadAsync(db, partnershipId, slug, cancellationToken);
        await DemoFunding.LoadAsync(db, partnershipId, slug, cancellationToken);
    }

    /// <summary>Adds the folder's plans with their editions, noting each edition's year and progress; returns each edition with its source.</summary>
    private List<(DemoEdition Source, PlanEdition Edition)> AddPlans(DemoFolder folder, Partnership partnership, DemoDirectory directory,
        List<(Milestone Milestone, DemoProgress Progress)> progress, Dictionary<string, PlanEdition> editionsByYear)
    {
        var sources = new List<(DemoEdition Source, PlanEdition Edition)>();
        foreach (var p in folder.Plans)
        {
            var plan = new Plan { Partnership = partnership, Title = p.Title, StartYear = p.StartYear, EndYear = p.EndYear };
            foreach (var e in p.Editions)
            {
                var edition = EditionOf(e, directory, progress);
                sources.Add((e, edition));
                plan.Editions.Add(edition);
                editionsByYear[ReportingPeriod.Parse(e.Year).Display] = edition;
            }

            db.Plans.Add(plan);
        }

        return sources;
    }

    /// <summary>
    /// The demo's quarters are history: their updates were accepted and their reports went to the Board, so they are
    /// published and visitors see them.
    /// </summary>
    private void PublishQuarters(DemoFolder folder, List<(Milestone Milestone, DemoProgress Progress)> progress, int partnershipId, string support)
    {
        var quarters = progress.Select(p => ReportingPeriod.Parse(p.Progress.Period))
            .Concat(folder.Monitoring.Select(m => ReportingPeriod.Parse(m.Period)))
            .Where(q => !q.IsWholeYear)
            .Distinct();
        foreach (var quarter in quarters)
        {
            db.Add(new QuarterPublication { PartnershipId = partnershipId, Period = quarter, PublishedAt = Noon(quarter.End.AddMonths(1)), PublishedBy = support });
        }
    }

    /// <summary>The partnership's agencies, people and boards by their keys in the demo files, shared agencies and boards reused.</summary>
    private sealed record DemoDirectory(Dictionary<string, Agency> Agencies, Dictionary<string, Person> People, Dictionary<string, Body> Bodies);

    private async Task<DemoDirectory> DirectoryAsync(DemoFolder folder, Partnership partnership, CancellationToken cancellationToken)
    {
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
                Honorific = p.Honorific,
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

        return new DemoDirectory(agencies, people, bodies);
    }

    private static PlanEdition EditionOf(DemoEdition e, DemoDirectory directory, List<(Milestone Milestone, DemoProgress Progress)> progress)
    {
        var edition = new PlanEdition
        {
            YearStart = ReportingPeriod.Parse(e.Year).StartYear,
            Label = e.Label,
            Title = e.Title,
            Status = e.Status,
            ApprovedOn = e.ApprovedOn,
            ApprovedBy = e.ApprovedBy,
            ApprovalMinute = e.ApprovalMinute,
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
                LeadOfficer = pr.LeadOfficer is null ? null : Lookup(directory.People, pr.LeadOfficer, "person", $"priority {pr.Number}"),
            };
            foreach (var (ac, ai) in (pr.Actions ?? []).Select((x, i) => (x, i)))
            {
                priority.Actions.Add(ActionOf(ac, ai + 1, directory, progress));
            }

            edition.Priorities.Add(priority);
        }

        return edition;
    }

    private static PlanAction ActionOf(DemoAction ac, int sortOrder, DemoDirectory directory, List<(Milestone Milestone, DemoProgress Progress)> progress)
    {
        var people = directory.People;
        var action = new PlanAction
        {
            Number = ac.Number,
            SortOrder = sortOrder,
            Text = ac.Text,
            LeadAgency = ac.LeadAgency,
            OtherPartners = ac.OtherPartners,
            Body = ac.Body is null ? null : Lookup(directory.Bodies, ac.Body, "body", $"action {ac.Number}"),
            CrossReferenceText = ac.CrossReference?.Text,
            CrossReferencePriorityNumber = ac.CrossReference?.Priority,
            CrossReferenceActionNumber = ac.CrossReference?.Action,
            Note = ac.Note,
            LeadOfficer = ac.LeadOfficer is { } officer ? Lookup(people, officer, "person", $"action {ac.Number}") : NamedIn(people.Values, ac.LeadAgency),
        };
        foreach (var (m, mi) in (ac.Milestones ?? []).Select((x, i) => (x, i)))
        {
            var milestone = new Milestone
            {
                Code = m.Code,
                SortOrder = mi + 1,
                Text = m.Text,
                Lead = m.Lead is not null && people.TryGetValue(m.Lead, out var lead) ? lead.Name : m.Lead,
                LeadOfficer = m.LeadOfficer is { } milestoneOfficer
                    ? Lookup(people, milestoneOfficer, "person", $"milestone {m.Code}")
                    : m.Lead is not null && people.TryGetValue(m.Lead, out var leadOfficer) ? leadOfficer : NamedIn(people.Values, m.Lead),
                MeasurementKind = m.MeasurementKind,
                Measurement = m.Measurement,
                Source = m.Source,
                Target = m.Target,
                DueQuarters = m.DueQuarters is { Count: > 0 } due
                    ? string.Join(',', due.Select(d => ReportingPeriod.Parse(d).Slug))
                    : null,
            };
            action.Milestones.Add(milestone);
            progress.AddRange((m.Progress ?? []).Select(pr => (milestone, pr)));
        }

        return action;
    }

    /// <summary>The demo milestones' quarterly progress, as updates the support officer accepted at each quarter's end.</summary>
    private void AddProgress(List<(Milestone Milestone, DemoProgress Progress)> progress, string support)
    {
        foreach (var (milestone, p) in progress.Where(p => p.Progress.Text is not null || p.Progress.Status is not null))
        {
            var update = new MilestoneUpdate
            {
                MilestoneId = milestone.Id,
                Period = ReportingPeriod.Parse(p.Period),
                Progress = p.Text,
                Status = p.Status,
                State = UpdateState.Accepted,
                AuthorName = (milestone.LeadOfficer ?? milestone.Action?.LeadOfficer)?.Name ?? support,
                UpdatedAt = Noon(ReportingPeriod.Parse(p.Period).End),
                SubmittedAt = Noon(ReportingPeriod.Parse(p.Period).End),
            };
            SetValue(update, milestone.MeasurementKind, p.Value);
            db.Add(update);
        }
    }

    private void LoadMonitoring(DemoMonitoring m, Partnership partnership, Dictionary<string, PlanEdition> editions, Dictionary<string, Person> people, Dictionary<string, Body> bodies, string support)
    {
        var period = ReportingPeriod.Parse(m.Period);
        var edition = Lookup(editions, ReportingPeriod.Parse(m.Edition).Display, "edition", $"monitoring {m.Period}");
        var reported = Noon(period.End.AddDays(10));
        if (m.Round is { } round)
        {
            db.Add(new CollectionRound { PartnershipId = partnership.Id, Period = period, OpenedOn = round.OpenedOn, Deadline = round.Deadline, LockOn = round.LockOn, OpenedBy = support });
        }

        if (m.BoardMeeting is { } meetsOn)
        {
            db.Add(new BoardMeeting { PartnershipId = partnership.Id, ReportPeriod = period, MeetsOn = meetsOn });
        }

        AddUpdates(m, period, edition, reported, people, support);
        AddTaskGroupReports(m, partnership.Id, period, edition, people, bodies);
        AddBriefings(m, period, bodies);
    }

    /// <summary>The quarter's accepted updates of milestones, one at a time or an action's milestones together.</summary>
    private void AddUpdates(DemoMonitoring m, ReportingPeriod period, PlanEdition edition, DateTimeOffset reported, Dictionary<string, Person> people, string support)
    {
        var milestones = edition.Priorities.SelectMany(p => p.Actions).SelectMany(a => a.Milestones).ToDictionary(x => x.Code, StringComparer.Ordinal);
        foreach (var u in m.Updates ?? [])
        {
            // An update of an action as a whole is one MilestoneUpdate per covered milestone, tied by its ActionUpdate.
            var covered = (u.Milestones ?? [u.Milestone ?? throw new InvalidDataException($"An update in monitoring {m.Period} names no milestone.")])
                .Select(code => Lookup(milestones, code, "milestone", $"monitoring {m.Period}"))
                .ToList();
            ActionUpdate? group = null;
            if (u.Milestones is not null)
            {
                if (covered.Count == 0 || covered.Any(c => c.ActionId != covered[0].ActionId))
                {
                    throw new InvalidDataException($"The update of {string.Join(", ", u.Milestones)} in monitoring {m.Period} must cover milestones of one action.");
                }

                group = new ActionUpdate { ActionId = covered[0].ActionId, Period = period, UpdatedAt = reported };
                db.Add(group);
            }

            foreach (var milestone in covered)
            {
                var update = new MilestoneUpdate
                {
                    ActionUpdate = group,
                    MilestoneId = milestone.Id,
                    Period = period,
                    Progress = u.Progress,
                    Status = u.Status,
                    State = UpdateState.Accepted,
                    Marking = u.Marking,
                    AuthorName = u.Author is null ? support : Lookup(people, u.Author, "person", $"update {milestone.Code}").Name,
                    UpdatedAt = reported,
                    SubmittedAt = reported,
                };
                SetValue(update, milestone.MeasurementKind, u.Value);
                db.Add(update);
            }
        }
    }

    /// <summary>The quarter's task group reports with their figure tables.</summary>
    private void AddTaskGroupReports(DemoMonitoring m, int partnershipId, ReportingPeriod period, PlanEdition edition, Dictionary<string, Person> people, Dictionary<string, Body> bodies)
    {
        foreach (var (r, i) in (m.TaskGroupReports ?? []).Select((r, i) => (r, i)))
        {
            var lead = r.LeadOfficer is null ? null : Lookup(people, r.LeadOfficer, "person", $"report {r.Title}");
            db.Add(new TaskGroupReport
            {
                PartnershipId = partnershipId,
                Period = period,
                PriorityId = r.Priority is { } number ? edition.Priorities.First(p => p.Number == number).Id : null,
                BodyId = r.Body is null ? null : Lookup(bodies, r.Body, "body", $"report {r.Title}").Id,
                Title = r.Title,
                LeadOfficerId = lead?.Id,
                LeadOfficerName = r.LeadOfficerName ?? lead?.Name,
                Achievements = r.Achievements,
                AchievementsMarking = r.AchievementsMarking,
                Concerns = r.Concerns,
                ConcernsMarking = r.ConcernsMarking,
                Recommendations = r.Recommendations,
                RecommendationsMarking = r.RecommendationsMarking,
                PublicityItems = r.PublicityItems,
                SortOrder = i + 1,
                Figures = (r.Figures ?? []).Select((f, j) => new FigureTable
                {
                    Title = f.Title,
                    Columns = JsonSerializer.Serialize(f.Columns, DemoFile.Json),
                    Rows = JsonSerializer.Serialize(f.Rows.Select(row => new FigureRow(row.Label, row.Values, row.YearToDate)).ToList(), DemoFile.Json),
                    YearToDate = f.YearToDate,
                    Chart = f.Chart,
                    Marking = f.Marking,
                    Note = f.Note,
                    SortOrder = j + 1,
                }).ToList(),
            });
        }
    }

    /// <summary>The quarter's briefings to partner bodies.</summary>
    private void AddBriefings(DemoMonitoring m, ReportingPeriod period, Dictionary<string, Body> bodies)
    {
        foreach (var b in m.Briefings ?? [])
        {
            db.Add(new PartnerBriefing
            {
                BodyId = Lookup(bodies, b.Body, "body", $"briefing {b.Title}").Id,
                Period = period,
                Title = b.Title,
                ToLine = b.To,
                FromName = b.From,
                IssuedOn = b.IssuedOn,
                Purpose = b.Purpose,
                Background = b.Background,
                Sections = b.Sections,
                FiguresTitle = b.FiguresTitle,
                Figures = b.Figures is null ? null : JsonSerializer.Serialize(b.Figures.Select(f => new FigureValue(f.Label, f.Value)).ToList(), DemoFile.Json),
                Risks = b.Risks,
                Recommendations = b.Recommendations,
                Marking = b.Marking,
            });
        }
    }

    /// <summary>
    /// An edition refreshed from the previous year's, linked as the next-edition workflow links a copy: the edition to its
    /// previous one, each priority to the priorities it came from, and the actions and milestones the data names.
    /// </summary>
    private static void LinkToPrevious(DemoEdition e, PlanEdition edition, Dictionary<string, PlanEdition> editions)
    {
        var where = $"edition {e.Year}";
        var previous = Lookup(editions, ReportingPeriod.Parse(e.PreviousEdition!).Display, "edition", where);
        if (previous.PlanId != edition.PlanId || previous.YearStart >= edition.YearStart)
        {
            throw new InvalidDataException($"Demo data: {where} names {e.PreviousEdition} as its previous edition, which is not an earlier edition of the same plan.");
        }

        edition.PreviousEditionId = previous.Id;
        var priorities = previous.Priorities.ToDictionary(p => p.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);
        var actions = previous.Priorities.SelectMany(p => p.Actions).ToDictionary(a => a.Number, StringComparer.Ordinal);
        var milestones = previous.Priorities.SelectMany(p => p.Actions).SelectMany(a => a.Milestones).ToDictionary(m => m.Code, StringComparer.Ordinal);
        foreach (var pr in e.Priorities)
        {
            var priority = edition.Priorities.Single(p => p.Number == pr.Number && p.Title == pr.Title);
            foreach (var origin in pr.Origins ?? [])
            {
                priority.Origins.Add(new PriorityOrigin { OriginId = Lookup(priorities, origin.ToString(System.Globalization.CultureInfo.InvariantCulture), "priority", $"{where}, priority {pr.Number}").Id });
            }

            foreach (var ac in pr.Actions ?? [])
            {
                var action = priority.Actions.Single(a => a.Number == ac.Number);
                action.OriginId = ac.Origin is { } a ? Lookup(actions, a, "action", $"{where}, action {ac.Number}").Id : null;
                foreach (var m in ac.Milestones ?? [])
                {
                    action.Milestones.Single(x => x.Code == m.Code).OriginId =
                        m.Origin is { } o ? Lookup(milestones, o, "milestone", $"{where}, milestone {m.Code}").Id : null;
                }
            }
        }
    }

    /// <summary>
    /// An edition's refresh as the workflow records it (seed 002): its dates, its consultation, the comments received and
    /// the changes made, numbered within their priority as the seed numbers them.
    /// </summary>
    private void LoadRefresh(DemoRefresh r, Dictionary<string, PlanEdition> editions, Dictionary<string, Person> people)
    {
        var where = $"refresh of {r.Edition}";
        var edition = Lookup(editions, ReportingPeriod.Parse(r.Edition).Display, "edition", where);
        string Name(string key) => Lookup(people, key, "person", where).Name;
        if (r.Timeline is { } input)
        {
            if (RefreshTimelineService.Check(input) is { Count: > 0 } errors)
            {
                throw new InvalidDataException($"Demo data: the {where} has dates out of order: {string.Join("; ", errors.Values)}.");
            }

            var timeline = new RefreshTimeline { EditionId = edition.Id };
            db.Write(timeline, input);
            db.Add(timeline);
        }

        if (r.Consultation is { } c)
        {
            db.Add(new EditionConsultation { EditionId = edition.Id, Deadline = c.Deadline, StartedAt = Noon(c.StartedOn), StartedBy = Name(c.StartedBy) });
        }

        Priority? PriorityOf(int? number, string item) => number is { } n
            ? edition.Priorities.FirstOrDefault(p => p.Number == n) ?? throw new InvalidDataException($"Demo data: {item} of the {where} names priority {n}, which the edition does not have.")
            : null;
        var comments = (r.Comments ?? []).ToList();
        foreach (var group in comments.GroupBy(x => x.Priority))
        {
            foreach (var (comment, i) in group.Select((x, i) => (x, i + 1)))
            {
                var priority = PriorityOf(group.Key, $"comment {comment.Number}");
                Numbered(comment.Number, group.Key, i, where);
                db.Add(new ConsultationComment
                {
                    EditionId = edition.Id,
                    PriorityId = priority?.Id,
                    Subject = priority is null ? "The whole plan" : $"Priority {priority.Number}",
                    Sequence = i,
                    Text = comment.Text,
                    MadeBy = comment.MadeBy,
                    MadeAt = Noon(comment.MadeOn),
                    Source = comment.Source,
                    RecordedBy = comment.RecordedBy is { } recorder ? Name(recorder) : null,
                });
            }
        }

        foreach (var group in (r.Changes ?? []).GroupBy(x => x.Priority))
        {
            var after = comments.Count(x => x.Priority == group.Key);
            foreach (var (change, i) in group.Select((x, i) => (x, i + 1)))
            {
                var priority = PriorityOf(group.Key, $"change {change.Number}");
                Numbered(change.Number, group.Key, after + i, where);
                db.Add(new RefreshChange
                {
                    EditionId = edition.Id, PriorityId = priority?.Id, Sequence = i, Text = change.Text,
                    WrittenBy = Name(change.WrittenBy), WrittenAt = Noon(change.WrittenOn),
                });
            }
        }
    }

    /// <summary>Refuses a comment or change whose number in the data is not the one its place gives it ("1.4" after comments 1.1–1.3).</summary>
    private static void Numbered(string number, int? priority, int place, string where)
    {
        var expected = $"{priority ?? 0}.{place}";
        if (number != expected)
        {
            throw new InvalidDataException($"Demo data: item {number} of the {where} comes {expected} by its place; keep the seed's order.");
        }
    }

    private static BodyActionPlan BodyActionPlanOf(DemoBodyActionPlan p, Dictionary<string, Body> bodies) => new()
    {
        BodyId = Lookup(bodies, p.Body, "body", $"action plan {p.Title}").Id,
        Year = ReportingPeriod.Parse(p.Year).FinancialYear,
        Title = p.Title,
        StrategicAim = p.StrategicAim,
        PlanLead = p.PlanLead,
        Marking = p.Marking,
        Items = p.Items.Select((item, i) => new BodyActionPlanItem
        {
            Heading = item.Heading,
            Number = item.Number,
            Lead = item.Lead,
            Text = item.Text,
            Milestones = item.Milestones,
            Marking = item.Marking,
            SortOrder = i + 1,
            Progress = (item.Progress ?? []).Select(q => new BodyActionPlanProgress { Period = ReportingPeriod.Parse(q.Period), Progress = q.Text, Marking = q.Marking }).ToList(),
        }).ToList(),
    };

    /// <summary>The seed's figure held as a value of the milestone's kind (£625.00 as 625.00 for Money), not only as words.</summary>
    private static void SetValue(MilestoneUpdate update, MeasurementKind kind, string? text)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        switch (kind)
        {
            case MeasurementKind.YesNo:
                update.YesNoValue = value.Equals("yes", StringComparison.OrdinalIgnoreCase);
                break;
            case MeasurementKind.Text:
                update.TextValue = value;
                break;
            default:
                update.NumberValue = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
                break;
        }
    }

    private static DateTimeOffset Noon(DateOnly date) => new(date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

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
        List<DemoPlan> Plans,
        List<DemoMonitoring> Monitoring,
        List<DemoBodyActionPlan> BodyActionPlans,
        List<DemoRefresh> Refreshes);

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
            var monitoring = new List<DemoMonitoring>();
            var bodyPlans = new List<DemoBodyActionPlan>();
            var refreshes = new List<DemoRefresh>();
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
                monitoring.AddRange(file.Monitoring);
                bodyPlans.AddRange(file.BodyActionPlans);
                refreshes.AddRange(file.Refreshes);
            }

            if (partnership is null)
            {
                throw new InvalidDataException($"Demo data folder {group.Key} has no partnership.json with a \"partnership\".");
            }

            // Plans of the same title and span in several files are one plan: each file may hold some of its editions.
            var merged = plans.GroupBy(p => (p.Title, p.StartYear, p.EndYear))
                .Select(g => g.First() with { Editions = g.SelectMany(p => p.Editions).OrderBy(e => ReportingPeriod.Parse(e.Year).StartYear).ToList() })
                .OrderBy(p => p.StartYear)
                .ToList();
            folders.Add(new DemoFolder(partnership, [.. agencies.Values], [.. people.Values], [.. bodies.Values], merged, monitoring, bodyPlans, refreshes));
        }

        return folders;
    }
}
