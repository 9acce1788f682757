using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Data;
using SaferPlan.Core.Editing;
using SaferPlan.Core.Partnerships;
using SaferPlan.Core.Periods;
using SaferPlan.Core.Plans;

namespace SaferPlan.TestCommon;

/// <summary>
/// Test data builders: a partnership of the test's own, with just what the test needs, in whatever app it runs against, so
/// tests can share one app (<see cref="SharedApp"/>) and still never see each other's data. For example
/// <c>await TestData.Partnership().WithPerson(out var lead).WithEdition().WithMilestone(lead).SaveAsync(app)</c>: a partnership
/// with an approved 2010/11 plan edition of one priority, one action and one milestone that <c>lead</c> leads; sign
/// <c>lead</c> in with <c>app.AddUserAsync(PartnershipRole.LeadOfficer, lead.Key, saved.Slug)</c>.
/// </summary>
public static class TestData
{
    /// <summary>A new partnership with a slug, name and keys no other test uses.</summary>
    public static PartnershipBuilder Partnership(string? name = null) => new(name);
}

/// <summary>A person of a partnership being built, who can lead items and be signed in as their lead officer.</summary>
public sealed class TestPerson
{
    internal TestPerson(Person entity) => Entity = entity;

    internal Person Entity { get; }

    /// <summary>The person's key, unique in the database (what <see cref="SaferPlanFactory.AddUserAsync"/> takes).</summary>
    public string Key => Entity.Key;

    public string Name => Entity.Name;

    public string Email => Entity.Email!;

    /// <summary>The person's id, once the partnership is saved.</summary>
    public int Id => Entity.Id;
}

/// <summary>
/// Builds a partnership and its plan in memory, then saves it in one go. Each <c>With…</c> adds to the last thing of the
/// level above, making it when there is none yet: <see cref="WithMilestone"/> alone makes an edition, a priority and an action
/// to hold the milestone.
/// </summary>
public sealed class PartnershipBuilder
{
    private readonly string id = Guid.NewGuid().ToString("N")[..8];
    private readonly Partnership partnership;
    private readonly List<PlanEdition> editions = [];
    private readonly List<TestAgency> agencies = [];
    private Plan? plan;

    internal PartnershipBuilder(string? name)
    {
        partnership = new Partnership
        {
            Slug = $"test-{id}",
            Name = name ?? $"Test Partnership {id}",
            ShortName = $"Test CSP {id}",
            Area = $"Testshire {id}",
        };
    }

    /// <summary>A person of the partnership, with an e-mail address of their own.</summary>
    public PartnershipBuilder WithPerson(out TestPerson person, string name = "Dana Test")
    {
        var key = $"person-{partnership.People.Count + 1}-{id}";
        var entity = new Person { Key = key, Name = name, Email = $"{key}@example.org" };
        partnership.People.Add(entity);
        person = new TestPerson(entity);
        return this;
    }

    /// <summary>
    /// A county-wide body (a board unless another kind is given) serving the partnership and one other, a bare partnership
    /// saved with it, as the demo's Cambridgeshire Domestic Abuse Partnership serves every district's: the partnership's
    /// quarter pages list it among the partners whose briefings they share before it has written any.
    /// </summary>
    public PartnershipBuilder WithCountyBody(out TestBody body, string name = "Test County Partnership", BodyKind kind = BodyKind.Board)
    {
        var entity = new Body { Key = $"body-{partnership.Bodies.Count + 1}-{id}", Name = name, Kind = kind };
        entity.Partnerships.Add(new Partnership
        {
            Slug = $"test-{id}-{partnership.Bodies.Count + 1}", Name = $"Neighbouring Partnership {id}", ShortName = $"Neighbour CSP {id}", Area = $"Neighbourshire {id}",
        });
        partnership.Bodies.Add(entity);
        body = new TestBody(entity);
        return this;
    }

    /// <summary>The last action's lead agency, as the plan writes it ("Police, Probation Service and Youth Offending Service").</summary>
    public PartnershipBuilder WithLeadAgency(string leadAgency)
    {
        LastAction().LeadAgency = leadAgency;
        return this;
    }

    /// <summary>
    /// The last milestone's own lead, as the plan writes it: an agency where it differs from the action's, or (as the demo's
    /// 2009/10 plan does) only its lead officer's name.
    /// </summary>
    public PartnershipBuilder WithMilestoneLead(string lead)
    {
        var action = LastAction();
        if (action.Milestones.Count == 0)
        {
            WithMilestone();
        }

        action.Milestones[^1].Lead = lead;
        return this;
    }

    /// <summary>How the last milestone is measured (a count, a percentage, …) in place of text.</summary>
    public PartnershipBuilder WithMeasurementKind(MeasurementKind kind)
    {
        var action = LastAction();
        if (action.Milestones.Count == 0)
        {
            WithMilestone();
        }

        action.Milestones[^1].MeasurementKind = kind;
        return this;
    }

    /// <summary>
    /// An edition of the partnership's plan (the plan runs three years from the first edition's year): approved on 1 March
    /// of its year unless another status is given.
    /// </summary>
    public PartnershipBuilder WithEdition(int yearStart = 2010, EditionStatus status = EditionStatus.Approved)
    {
        plan ??= new Plan { Partnership = partnership, Title = $"Community Safety Plan {yearStart}–{yearStart + 3}", StartYear = yearStart, EndYear = yearStart + 3 };
        var edition = new PlanEdition
        {
            YearStart = yearStart,
            Label = status == EditionStatus.Approved ? "FINAL" : "DRAFT",
            Title = $"Community Safety Plan {ReportingPeriod.Year(yearStart).Display}",
            Status = status,
            ApprovedOn = status is EditionStatus.Approved or EditionStatus.Superseded ? new DateOnly(yearStart, 3, 1) : null,
        };
        plan.Editions.Add(edition);
        editions.Add(edition);
        return this;
    }

    /// <summary>A priority of the last edition, numbered after the ones before it.</summary>
    public PartnershipBuilder WithPriority(string? title = null, TestPerson? lead = null, ProtectiveMarking marking = ProtectiveMarking.Official)
    {
        var edition = LastEdition();
        var number = edition.Priorities.Count + 1;
        edition.Priorities.Add(new Priority
        {
            Number = number, SortOrder = number, Title = title ?? $"Priority {number} {id}", LeadOfficer = lead?.Entity, Marking = marking,
        });
        return this;
    }

    /// <summary>An action of the last priority ("1.2" for its second).</summary>
    public PartnershipBuilder WithAction(string? text = null, TestPerson? lead = null, ProtectiveMarking marking = ProtectiveMarking.Official)
    {
        var priority = LastPriority();
        var place = priority.Actions.Count + 1;
        priority.Actions.Add(new PlanAction
        {
            Number = $"{priority.Number}.{place}", SortOrder = place, Text = text ?? $"Action {priority.Number}.{place} {id}",
            LeadAgency = "Police", LeadOfficer = lead?.Entity, Marking = marking,
        });
        return this;
    }

    /// <summary>A milestone of the last action ("1.1b" for its second), led by <paramref name="lead"/> where given.</summary>
    public PartnershipBuilder WithMilestone(TestPerson? lead = null, string? text = null, ProtectiveMarking marking = ProtectiveMarking.Official)
    {
        var action = LastAction();
        var place = action.Milestones.Count;
        var code = $"{action.Number}{(char)('a' + place)}";
        action.Milestones.Add(new Milestone { Code = code, SortOrder = place, Text = text ?? $"Milestone {code} {id}", LeadOfficer = lead?.Entity, Marking = marking });
        return this;
    }

    /// <summary>
    /// The partnership's short name, as its documents call it ("South Cambridgeshire CDRP"): an approval recorded without
    /// the deciding body's name is the "{short name} Board"'s.
    /// </summary>
    public PartnershipBuilder WithShortName(string shortName)
    {
        partnership.ShortName = shortName;
        return this;
    }

    /// <summary>
    /// A body serving the partnership (a task group unless another kind is given), with a key no other test uses: what it
    /// writes for its partnerships, such as a briefing, is shared into this one.
    /// </summary>
    public PartnershipBuilder WithBody(out TestBody body, string name = "Test Task Group", BodyKind kind = BodyKind.TaskGroup)
    {
        var entity = new Body { Key = $"body-{partnership.Bodies.Count + 1}-{id}", Name = name, Kind = kind };
        partnership.Bodies.Add(entity);
        body = new TestBody(entity);
        return this;
    }

    /// <summary>
    /// An agency taking part in the partnership ("Police" for "Cambridgeshire Constabulary"), with a key no other test uses:
    /// a lead agency text beginning with its short name or name is counted under its short name. Given a
    /// <paramref name="key"/>, it is the agency the database knows by that key, found when the partnership is saved (made when
    /// there is none): the police (<c>"police"</c>, the key the app finds the police by), which the partnerships of a force's
    /// area share as the demo's do.
    /// </summary>
    public PartnershipBuilder WithAgency(out TestAgency agency, string shortName = "Test Agency", string? name = null, string? key = null)
    {
        var entity = new Agency { Key = key ?? $"agency-{partnership.Agencies.Count + 1}-{id}", Name = name ?? shortName, ShortName = shortName };
        partnership.Agencies.Add(entity);
        agency = new TestAgency(entity, shared: key is not null);
        agencies.Add(agency);
        return this;
    }

    /// <summary>A person of the partnership who works for <paramref name="agency"/> (one of the partnership's, <see cref="WithAgency"/>).</summary>
    public PartnershipBuilder WithPerson(out TestPerson person, TestAgency agency, string name = "Dana Test")
    {
        WithPerson(out person, name);
        person.Entity.Agency = agency.Entity;
        return this;
    }

    /// <summary>Saves the partnership and all that was built into the app's database, in one transaction.</summary>
    public Task<TestPartnership> SaveAsync(SaferPlanFactory app) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<SaferPlanDbContext>();
        foreach (var agency in agencies.Where(a => a.Shared))
        {
            if (await db.Agencies.SingleOrDefaultAsync(a => a.Key == agency.Key) is { } existing)
            {
                partnership.Agencies[partnership.Agencies.IndexOf(agency.Entity)] = existing;
                foreach (var person in partnership.People.Where(p => p.Agency == agency.Entity))
                {
                    person.Agency = existing;
                }

                agency.Entity = existing;
            }
        }

        db.Add(partnership);
        if (plan is not null)
        {
            db.Add(plan);
        }

        await db.SaveChangesAsync();
        var priorities = editions.SelectMany(e => e.Priorities).ToList();
        var actions = priorities.SelectMany(p => p.Actions).ToList();
        return new TestPartnership(
            partnership.Id,
            partnership.Slug,
            partnership.Name,
            [.. editions.Select(e => e.Id)],
            [.. priorities.Select(p => p.Id)],
            [.. actions.Select(a => a.Id)],
            [.. actions.SelectMany(a => a.Milestones).Select(m => new TestMilestone(m.Id, m.Code))]);
    });

    private PlanEdition LastEdition()
    {
        if (editions.Count == 0)
        {
            WithEdition();
        }

        return editions[^1];
    }

    private Priority LastPriority()
    {
        var edition = LastEdition();
        if (edition.Priorities.Count == 0)
        {
            WithPriority();
        }

        return edition.Priorities[^1];
    }

    private PlanAction LastAction()
    {
        var priority = LastPriority();
        if (priority.Actions.Count == 0)
        {
            WithAction();
        }

        return priority.Actions[^1];
    }
}

/// <summary>A milestone a builder saved: its id and code.</summary>
public sealed record TestMilestone(int Id, string Code);

/// <summary>What a <see cref="PartnershipBuilder"/> saved: the ids, in the order they were built.</summary>
public sealed record TestPartnership(
    int Id,
    string Slug,
    string Name,
    IReadOnlyList<int> EditionIds,
    IReadOnlyList<int> PriorityIds,
    IReadOnlyList<int> ActionIds,
    IReadOnlyList<TestMilestone> Milestones)
{
    /// <summary>The last edition built.</summary>
    public int EditionId => EditionIds[^1];
}

/// <summary>A body a builder made to serve its partnership (a task group, a board).</summary>
public sealed class TestBody
{
    internal TestBody(Body entity) => Entity = entity;

    internal Body Entity { get; }

    /// <summary>The body's key, unique in the database (what the API's <c>/api/bodies/{key}/…</c> addresses take).</summary>
    public string Key => Entity.Key;

    public string Name => Entity.Name;

    /// <summary>The body's id, once the partnership is saved.</summary>
    public int Id => Entity.Id;
}

/// <summary>An agency a builder made, or found, to take part in its partnership (the police, a council service).</summary>
public sealed class TestAgency
{
    internal TestAgency(Agency entity, bool shared)
    {
        Entity = entity;
        Shared = shared;
    }

    /// <summary>The agency, once saved: the one the database already had, for an agency found by its key.</summary>
    internal Agency Entity { get; set; }

    /// <summary>Whether the agency was asked for by its key, to be found rather than made.</summary>
    internal bool Shared { get; }

    public string Key => Entity.Key;

    public string Name => Entity.Name;

    /// <summary>The agency's id, once the partnership is saved.</summary>
    public int Id => Entity.Id;
}
