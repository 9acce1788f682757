using System.Text;
using SaferPlan.Core.Meetings;
using SaferPlan.Core.Monitoring;
using SaferPlan.Core.Panels;

namespace SaferPlan.Core.Partnerships;

/// <summary>A body as the bodies form gives it: kind and cadence by choice, the chair by person id, the member agencies by id.</summary>
public sealed record BodyInput(string? Name, BodyKind? Kind, MeetingCadence? Cadence, string? Description, int? ChairId, IReadOnlyList<int>? MemberAgencyIds);

/// <summary>A body as checked: what an add or change writes.</summary>
public sealed record BodyFields(string Name, BodyKind Kind, MeetingCadence Cadence, string? Description, int? ChairId, IReadOnlyList<int> MemberAgencyIds);

/// <summary>
/// A body serving the partnership, as its bodies page lists it: who sits on it, and why this partnership may not change it
/// when it serves others too (null when it may).
/// </summary>
public sealed record BodyListing(Body Body, IReadOnlyList<Person> Members, string? ReadOnlyReason);

/// <summary>
/// The partnership's bodies: its Board, Executive Group and task groups, which meet at their cadence, approve its plans and
/// are sent its drafts. Support officers and administrators keep the bodies that serve their partnership alone; a body
/// serving several partnerships (a county-wide board) is read-only here. Every change carries a version and is audited.
/// </summary>
public sealed class BodyService(SaferPlanDbContext db)
{
    public const int NameLength = 200;

    public const int DescriptionLength = 4000;

    private const string Refused = "Only the partnership's support officers and administrators can change its bodies.";

    /// <summary>The bodies serving the partnership, Board first, with their chairs, member agencies and members.</summary>
    public async Task<IReadOnlyList<BodyListing>> BodiesAsync(int partnershipId, CancellationToken ct = default)
    {
        var bodies = await db.Bodies.AsNoTracking().Where(b => b.Partnerships.Any(p => p.Id == partnershipId))
            .Include(b => b.Chair).Include(b => b.MemberAgencies).Include(b => b.Partnerships)
            .AsSplitQuery().ToListAsync(ct);
        var ids = bodies.Select(b => b.Id).ToList();
        var seats = (await db.Set<BodyMember>().AsNoTracking().Where(m => ids.Contains(m.BodyId)).Include(m => m.Person).ToListAsync(ct))
            .ToLookup(m => m.BodyId, m => m.Person);
        return bodies.OrderBy(b => b.Kind).ThenBy(b => b.Name, StringComparer.OrdinalIgnoreCase)
            .Select(b => new BodyListing(b, seats[b.Id].OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList(), ReadOnlyReason(b, partnershipId)))
            .ToList();
    }

    /// <summary>One body serving the partnership, with its chair, member agencies and the partnerships it serves.</summary>
    public Task<Body?> BodyAsync(int partnershipId, int bodyId, CancellationToken ct = default) =>
        db.Bodies.AsNoTracking().Include(b => b.Chair).Include(b => b.MemberAgencies).Include(b => b.Partnerships).AsSplitQuery()
            .FirstOrDefaultAsync(b => b.Id == bodyId && b.Partnerships.Any(p => p.Id == partnershipId), ct);

    /// <summary>Whether any body serves the partnership.</summary>
    public Task<bool> AnyAsync(int partnershipId, CancellationToken ct = default) =>
        db.Bodies.AnyAsync(b => b.Partnerships.Any(p => p.Id == partnershipId), ct);

    /// <summary>How many people sit on the body.</summary>
    public Task<int> SeatCountAsync(int bodyId, CancellationToken ct = default) => db.Set<BodyMember>().CountAsync(m => m.BodyId == bodyId, ct);

    /// <summary>Why the partnership may not change or remove <paramref name="body"/> (it serves other partnerships too), or null when it may.</summary>
    public static string? ReadOnlyReason(Body body, int partnershipId)
    {
        ArgumentNullException.ThrowIfNull(body);
        var others = body.Partnerships.Where(p => p.Id != partnershipId).Select(p => p.Name).Order(StringComparer.OrdinalIgnoreCase).ToList();
        return others.Count == 0 ? null
            : $"{body.Name} also serves {string.Join(", ", others)}, so it is not changed from one partnership's pages.";
    }

    /// <summary>The partnership's own people, to choose a chair from.</summary>
    public async Task<IReadOnlyList<Person>> ChairChoicesAsync(int partnershipId, CancellationToken ct = default) =>
        (await db.People.AsNoTracking().Where(p => p.PartnershipId == partnershipId).ToListAsync(ct))
            .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>Every agency, to choose member agencies from: one chosen that does not yet take part in the partnership joins it.</summary>
    public async Task<IReadOnlyList<Agency>> AgencyChoicesAsync(CancellationToken ct = default) =>
        (await db.Agencies.AsNoTracking().ToListAsync(ct)).OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>
    /// What refers to the body (its meetings, actions in the plans, task group reports, briefings, action plans, panel
    /// priorities routed to it, the partnership naming it as its Board), in words, so removing it can say what stands in the way.
    /// </summary>
    public async Task<IReadOnlyList<string>> UsesAsync(int bodyId, CancellationToken ct = default)
    {
        var uses = new List<string>();
        void Count(int n, string one, string many)
        {
            if (n > 0)
            {
                uses.Add(n == 1 ? $"1 {one}" : string.Create(CultureInfo.InvariantCulture, $"{n} {many}"));
            }
        }

        Count(await db.Set<Meeting>().CountAsync(m => m.BodyId == bodyId, ct), "meeting", "meetings");
        Count(await db.Actions.CountAsync(a => a.BodyId == bodyId, ct), "action in a plan", "actions in plans");
        Count(await db.Set<TaskGroupReport>().CountAsync(r => r.BodyId == bodyId, ct), "task group report", "task group reports");
        Count(await db.Set<PartnerBriefing>().CountAsync(b => b.BodyId == bodyId, ct), "partner briefing", "partner briefings");
        Count(await db.Set<BodyActionPlan>().CountAsync(p => p.BodyId == bodyId, ct), "action plan", "action plans");
        Count(await db.Set<PanelPriority>().CountAsync(p => p.RouteBodyId == bodyId, ct), "neighbourhood panel priority routed to it", "neighbourhood panel priorities routed to it");
        if (await db.Partnerships.AnyAsync(p => p.BoardId == bodyId, ct))
        {
            uses.Add("a partnership naming it as its Board");
        }

        return uses;
    }

    /// <summary>Adds a body serving the partnership (no <paramref name="bodyId"/>) or changes one, from the version the editor read.</summary>
    public async Task<EditResult<Body>> SaveAsync(int partnershipId, int? bodyId, BodyInput input, int? expectedVersion, UserContext user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!Permissions.CanManageBodies(user, partnershipId))
        {
            return EditResult<Body>.Forbidden(Refused);
        }

        Body? existing = null;
        if (bodyId is { } id)
        {
            existing = await db.Bodies.Include(b => b.MemberAgencies).Include(b => b.Partnerships).AsSplitQuery()
                .FirstOrDefaultAsync(b => b.Id == id && b.Partnerships.Any(p => p.Id == partnershipId), ct);
            if (existing is null)
            {
                return EditResult<Body>.NotFound("There is no such body in this partnership.");
            }

            if (ReadOnlyReason(existing, partnershipId) is { } shared)
            {
                return EditResult<Body>.Forbidden(shared);
            }
        }

        var checkedBody = Check(input);
        if (checkedBody.Succeeded)
        {
            var name = checkedBody.Value.Name;
            var names = await db.Bodies.AsNoTracking().Where(b => b.Partnerships.Any(p => p.Id == partnershipId) && b.Id != (bodyId ?? 0))
                .Select(b => b.Name).ToListAsync(ct);
            if (names.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                checkedBody = checkedBody.WithError("Name", $"There is already a body called {name}: enter another name");
            }
        }

        if (input.ChairId is { } chairId && !await db.People.AnyAsync(p => p.Id == chairId && p.PartnershipId == partnershipId, ct))
        {
            checkedBody = checkedBody.WithError("ChairId", "Select the chair from the list");
        }

        var agencyIds = input.MemberAgencyIds?.Distinct().ToList() ?? [];
        var agencies = await db.Agencies.Where(a => agencyIds.Contains(a.Id)).ToListAsync(ct);
        if (agencies.Count != agencyIds.Count)
        {
            checkedBody = checkedBody.WithError("MemberAgencyIds", "Select the member agencies from the list");
        }

        if (checkedBody.Refused(out var fields, out EditResult<Body>? invalid))
        {
            return invalid;
        }

        var partnership = await db.Partnerships.Include(p => p.Agencies).FirstAsync(p => p.Id == partnershipId, ct);
        var body = existing;
        if (body is null)
        {
            body = new Body { Key = await NewKeyAsync(partnership.Slug, fields.Name, ct), Name = fields.Name };
            body.Partnerships.Add(partnership);
            db.Bodies.Add(body);
        }

        return await db.SaveEditAsync(body, existing is null ? null : expectedVersion, new EditSave(partnershipId, "body")
        {
            Change = () =>
            {
                db.Write(body, fields, nameof(fields.MemberAgencyIds));
                body.MemberAgencies.RemoveAll(a => !agencyIds.Contains(a.Id));
                body.MemberAgencies.AddRange(agencies.Where(a => body.MemberAgencies.All(m => m.Id != a.Id)));

                // An agency sitting on one of the partnership's bodies takes part in the partnership.
                partnership.Agencies.AddRange(agencies.Where(a => partnership.Agencies.All(p => p.Id != a.Id)));
            },
            Clash = $"There is already a body called {fields.Name}: enter another name",
        }, ct);
    }

    /// <summary>
    /// Removes a body that serves this partnership alone and that nothing refers to: its seats go with it (each audited), its
    /// meetings, reports and actions would not, so while it has any it stays, and the answer says which.
    /// </summary>
    public async Task<EditResult<Body>> RemoveAsync(int partnershipId, int bodyId, int expectedVersion, UserContext user, CancellationToken ct = default)
    {
        if (!Permissions.CanManageBodies(user, partnershipId))
        {
            return EditResult<Body>.Forbidden(Refused);
        }

        var body = await db.Bodies.Include(b => b.Partnerships).Include(b => b.MemberAgencies).AsSplitQuery()
            .FirstOrDefaultAsync(b => b.Id == bodyId && b.Partnerships.Any(p => p.Id == partnershipId), ct);
        if (body is null)
        {
            return EditResult<Body>.NotFound("There is no such body in this partnership.");
        }

        if (ReadOnlyReason(body, partnershipId) is { } shared)
        {
            return EditResult<Body>.Forbidden(shared);
        }

        var uses = await UsesAsync(bodyId, ct);
        if (uses.Count > 0)
        {
            return EditResult<Body>.Conflict($"{body.Name} cannot be removed: it has {string.Join(", ", uses)}. A body that has met or is named in the plans is kept for the record.");
        }

        var seats = await db.Set<BodyMember>().Where(m => m.BodyId == bodyId).ToListAsync(ct);
        return await db.SaveEditAsync(body, expectedVersion, new EditSave(partnershipId, "body")
        {
            Change = () =>
            {
                db.RemoveRange(seats);
                db.Bodies.Remove(body);
            },
        }, ct);
    }

    /// <summary>What is wrong with a body's details, in GOV.UK words, by field; whether the name is free is the save's to ask.</summary>
    public static EditResult<BodyFields> Check(BodyInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var check = new FieldCheck();
        var name = check.Required("Name", input.Name, NameLength, "Enter the body's name", "The name");
        var kind = check.Chosen("Kind", input.Kind, "Select what kind of body it is");
        var cadence = check.Chosen("Cadence", input.Cadence, "Select how often the body meets");
        var description = check.OptionalText("Description", input.Description, DescriptionLength, "The description");
        return check.Result(() => new BodyFields(name, kind, cadence, description, input.ChairId, input.MemberAgencyIds ?? []));
    }

    /// <summary>A key no body has: the partnership's slug and the body's name, as "south-cambridgeshire-board", numbered when taken.</summary>
    private async Task<string> NewKeyAsync(string partnershipSlug, string name, CancellationToken ct)
    {
        var slug = new StringBuilder();
        foreach (var c in $"{partnershipSlug} {name}".Trim().ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var stem = slug.ToString().Trim('-');
        stem = stem.Length == 0 ? "body" : stem[..Math.Min(stem.Length, 90)].Trim('-');
        var taken = await db.Bodies.Where(b => b.Key.StartsWith(stem)).Select(b => b.Key).ToListAsync(ct);
        var key = stem;
        for (var n = 2; taken.Contains(key, StringComparer.Ordinal); n++)
        {
            key = string.Create(CultureInfo.InvariantCulture, $"{stem}-{n}");
        }

        return key;
    }
}
