using System.Text;

namespace SaferPlan.Core.Partnerships;

/// <summary>
/// A person as the people form gives them: the agency by id, the e-mail address optional, and the bodies of the partnership
/// they sit on (null leaves their seats as they are).
/// </summary>
public sealed record PersonInput(string? Name, string? RoleTitle, int? AgencyId, string? Email, string? Honorific = null, IReadOnlyList<int>? BodyIds = null);

/// <summary>A person as checked: what an add or change writes (<paramref name="BodyIds"/> null leaves their seats as they are).</summary>
public sealed record PersonFields(string Name, string? Honorific, string? RoleTitle, int? AgencyId, string? Email, IReadOnlyList<int>? BodyIds);

/// <summary>
/// The partnership's people: the names that lead priorities, actions and milestones, chair bodies and receive update links.
/// Support officers and administrators keep them; every change carries a version and is audited.
/// </summary>
public sealed class PeopleService(SaferPlanDbContext db)
{
    public const int NameLength = 200;

    public const int HonorificLength = 40;

    /// <summary>
    /// The partnership's own people, and the people of other partnerships seated on its bodies (Dave Sargent of South
    /// Cambridgeshire on Cambridge's Board): those have another <see cref="Person.PartnershipId"/> and are kept by their own partnership.
    /// </summary>
    public async Task<IReadOnlyList<Person>> PeopleAsync(int partnershipId, CancellationToken ct = default) =>
        (await db.People.AsNoTracking().Include(p => p.Agency)
            .Where(p => p.PartnershipId == partnershipId
                || db.Set<BodyMember>().Any(m => m.PersonId == p.Id && m.Body.Partnerships.Any(x => x.Id == partnershipId)))
            .ToListAsync(ct))
            .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>The names of the partnerships the people seated from elsewhere belong to, by partnership id.</summary>
    public async Task<IReadOnlyDictionary<int, string>> PartnershipNamesAsync(IEnumerable<int> partnershipIds, CancellationToken ct = default)
    {
        var ids = partnershipIds.Distinct().ToList();
        return await db.Partnerships.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
    }

    public Task<Person?> PersonAsync(int partnershipId, int personId, CancellationToken ct = default) =>
        db.People.AsNoTracking().Include(p => p.Agency).FirstOrDefaultAsync(p => p.Id == personId && p.PartnershipId == partnershipId, ct);

    /// <summary>The bodies that serve the partnership (its Board, Executive Group and task groups), to seat people on.</summary>
    public async Task<IReadOnlyList<Body>> BodiesAsync(int partnershipId, CancellationToken ct = default) =>
        (await db.Partnerships.Where(p => p.Id == partnershipId).SelectMany(p => p.Bodies).AsNoTracking().ToListAsync(ct))
            .OrderBy(b => b.Kind).ThenBy(b => b.Name, StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>The ids of the partnership's bodies each person sits on (its own people and those seated from elsewhere), by person id.</summary>
    public async Task<ILookup<int, int>> SeatsAsync(int partnershipId, CancellationToken ct = default) =>
        (await db.Set<BodyMember>().Where(m => m.Body.Partnerships.Any(p => p.Id == partnershipId)).Select(m => new { m.PersonId, m.BodyId }).ToListAsync(ct))
            .ToLookup(m => m.PersonId, m => m.BodyId);

    /// <summary>Every agency, to choose a person's from.</summary>
    public async Task<IReadOnlyList<Agency>> AgenciesAsync(CancellationToken ct = default) =>
        (await db.Agencies.AsNoTracking().ToListAsync(ct)).OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>What leads a person is named as (priority, action and milestone codes), so removing them can say what to change first.</summary>
    public async Task<IReadOnlyList<string>> LeadsAsync(int personId, CancellationToken ct = default)
    {
        var priorities = (await db.Priorities.Where(p => p.LeadOfficerId == personId).Select(p => p.Number).ToListAsync(ct))
            .Distinct().Order().Select(n => string.Create(CultureInfo.InvariantCulture, $"priority {n}"));
        var actions = await db.Actions.Where(a => a.LeadOfficerId == personId).Select(a => a.Id).CountAsync(ct);
        var milestones = await db.Milestones.Where(m => m.LeadOfficerId == personId).Select(m => m.Id).CountAsync(ct);
        var leads = priorities.ToList();
        if (actions > 0)
        {
            leads.Add(actions == 1 ? "1 action" : $"{actions} actions");
        }

        if (milestones > 0)
        {
            leads.Add(milestones == 1 ? "1 milestone" : $"{milestones} milestones");
        }

        return leads;
    }

    /// <summary>Adds a person (no <paramref name="personId"/>) or changes one, from the version the editor read.</summary>
    public async Task<EditResult<Person>> SaveAsync(int partnershipId, int? personId, PersonInput input, int? expectedVersion, UserContext user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!Permissions.CanManagePeople(user, partnershipId))
        {
            return EditResult<Person>.Forbidden("Only the partnership's support officers and administrators can change its people.");
        }

        var checkedPerson = Check(input);
        if (input.AgencyId is { } agencyId && !await db.Agencies.AnyAsync(a => a.Id == agencyId, ct))
        {
            checkedPerson = checkedPerson.WithError("AgencyId", "Select an agency from the list");
        }

        if (input.BodyIds is { } chosen)
        {
            var bodies = (await BodiesAsync(partnershipId, ct)).Select(b => b.Id).ToHashSet();
            if (chosen.Any(b => !bodies.Contains(b)))
            {
                checkedPerson = checkedPerson.WithError("BodyIds", "Select the bodies from the list");
            }
        }

        if (Blank(input.Email) is { } address)
        {
            // A person's address is their own: an account is linked to the person of its partnership with the same address.
            var others = await db.People.AsNoTracking().Where(p => p.PartnershipId == partnershipId && p.Id != (personId ?? 0) && p.Email != null)
                .OrderBy(p => p.Id).Select(p => new { p.Name, p.Email }).ToListAsync(ct);
            if (others.FirstOrDefault(o => string.Equals(o.Email, address, StringComparison.OrdinalIgnoreCase)) is { } holder)
            {
                checkedPerson = checkedPerson.WithError("Email", $"{holder.Name} already has this email address: enter another, or change {holder.Name}'s");
            }
        }

        if (checkedPerson.Refused(out var fields, out EditResult<Person>? invalid))
        {
            return invalid;
        }

        Person person;
        if (personId is { } id)
        {
            var found = await db.People.FirstOrDefaultAsync(p => p.Id == id && p.PartnershipId == partnershipId, ct);
            if (found is null)
            {
                return EditResult<Person>.NotFound("There is no such person in this partnership.");
            }

            person = found;
        }
        else
        {
            person = new Person { Key = await NewKeyAsync(partnershipId, fields.Name, ct), Name = fields.Name, PartnershipId = partnershipId };
            db.People.Add(person);
        }

        IReadOnlyList<BodyMember> existingSeats = personId is { } seated && fields.BodyIds is not null
            ? await db.Set<BodyMember>().Where(m => m.PersonId == seated && m.Body.Partnerships.Any(p => p.Id == partnershipId)).ToListAsync(ct)
            : [];

        return await db.SaveEditAsync(person, personId is null ? null : expectedVersion, new EditSave(partnershipId, "person")
        {
            Change = () =>
            {
                db.Write(person, fields, nameof(fields.BodyIds));
                if (fields.BodyIds is { } seats)
                {
                    SetSeats(person, seats.ToHashSet(), existingSeats);
                }
            },
        }, ct);
    }

    /// <summary>Seats the person on exactly <paramref name="seats"/>: new seats added, the others given up.</summary>
    private void SetSeats(Person person, HashSet<int> seats, IReadOnlyList<BodyMember> existing)
    {
        db.RemoveRange(existing.Where(m => !seats.Contains(m.BodyId)));
        foreach (var bodyId in seats.Where(b => existing.All(m => m.BodyId != b)))
        {
            db.Add(new BodyMember { BodyId = bodyId, Person = person });
        }
    }

    /// <summary>Removes a person who leads nothing; their accounts stay, no longer tied to a person in the plans.</summary>
    public async Task<EditResult<Person>> RemoveAsync(int partnershipId, int personId, int expectedVersion, UserContext user, CancellationToken ct = default)
    {
        if (!Permissions.CanManagePeople(user, partnershipId))
        {
            return EditResult<Person>.Forbidden("Only the partnership's support officers and administrators can change its people.");
        }

        var person = await db.People.FirstOrDefaultAsync(p => p.Id == personId && p.PartnershipId == partnershipId, ct);
        if (person is null)
        {
            return EditResult<Person>.NotFound("There is no such person in this partnership.");
        }

        var leads = await LeadsAsync(personId, ct);
        if (leads.Count > 0)
        {
            return EditResult<Person>.Conflict($"{person.Name} is lead officer of {string.Join(", ", leads)}. Choose someone else to lead them in the plan first.");
        }

        return await db.SaveEditAsync(person, expectedVersion, new EditSave(partnershipId, "person") { Change = () => db.People.Remove(person) }, ct);
    }

    /// <summary>What is wrong with a person's details, in GOV.UK words, by field.</summary>
    public static EditResult<PersonFields> Check(PersonInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var check = new FieldCheck();
        var name = check.Required("Name", input.Name, NameLength, "Enter the person's name", "The name");
        var honorific = check.Optional("Honorific", input.Honorific, HonorificLength, "The title or rank");
        var roleTitle = check.Optional("RoleTitle", input.RoleTitle, NameLength, "The role title");
        var email = Blank(input.Email);
        if (email is not null && (email.Length > NameLength || !System.Net.Mail.MailAddress.TryCreate(email, out var parsed) || parsed.Address != email))
        {
            check.Add("Email", "Enter an email address in the correct format, like name@example.org");
        }

        return check.Result(() => new PersonFields(name, honorific, roleTitle, input.AgencyId, email, input.BodyIds));
    }

    private async Task<string> NewKeyAsync(int partnershipId, string name, CancellationToken ct)
    {
        var slug = new StringBuilder();
        foreach (var c in name.Trim().ToLowerInvariant())
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
        stem = stem.Length == 0 ? "person" : stem[..Math.Min(stem.Length, 80)];
        var taken = await db.People.Where(p => p.PartnershipId == partnershipId && p.Key.StartsWith(stem)).Select(p => p.Key).ToListAsync(ct);
        var key = stem;
        for (var n = 2; taken.Contains(key, StringComparer.Ordinal); n++)
        {
            key = string.Create(CultureInfo.InvariantCulture, $"{stem}-{n}");
        }

        return key;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>What the new partnership form gives: its slug (in addresses), name and area.</summary>
public sealed record PartnershipInput(string? Slug, string? Name, string? Area);

public sealed record PartnershipFields(string Slug, string Name, string Area);

/// <summary>Creates partnerships; the administrator who creates one becomes its first administrator.</summary>
public sealed class PartnershipService(SaferPlanDbContext db, AccountService accounts)
{
    public Task<Partnership?> BySlugAsync(string slug, CancellationToken ct = default) =>
        db.Partnerships.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug, ct);

    public async Task<EditResult<Partnership>> CreateAsync(PartnershipInput input, UserContext user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!Permissions.CanCreatePartnership(user))
        {
            return EditResult<Partnership>.Forbidden("Only an administrator can create a partnership.");
        }

        var checkedPartnership = Check(input);
        if (checkedPartnership.Succeeded && (checkedPartnership.Value.Slug == "new" || await db.Partnerships.AnyAsync(p => p.Slug == checkedPartnership.Value.Slug, ct)))
        {
            checkedPartnership = checkedPartnership.WithError("Slug", $"There is already a partnership with the short name {checkedPartnership.Value.Slug}");
        }

        if (checkedPartnership.Refused(out var fields, out EditResult<Partnership>? invalid))
        {
            return invalid;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var partnership = new Partnership { Slug = fields.Slug, Name = fields.Name, ShortName = fields.Name, Area = fields.Area };
        db.Partnerships.Add(partnership);
        await db.SaveChangesAsync(ct);
        await accounts.MakeFirstAdministratorAsync(user.UserId!, partnership.Id, ct);
        await transaction.CommitAsync(ct);
        return EditResult<Partnership>.Ok(partnership);
    }

    /// <summary>What is wrong with a new partnership's details, by field, or the details as checked; whether the short name is free is the save's to ask.</summary>
    public static EditResult<PartnershipFields> Check(PartnershipInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var check = new FieldCheck();
        var slug = input.Slug?.Trim().ToLowerInvariant() ?? "";
        if (slug.Length == 0)
        {
            check.Add("Slug", "Enter a short name for addresses, like east-cambridgeshire");
        }
        else if (slug.Length > 60 || !slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') || slug[0] == '-' || slug[^1] == '-')
        {
            check.Add("Slug", "The short name must be 60 characters or fewer, using only letters a to z, numbers and hyphens");
        }

        var name = check.Required("Name", input.Name, 200, "Enter the partnership's name", "The name");
        var area = check.Required("Area", input.Area, 200, "Enter the area the partnership covers", "The area");
        return check.Result(() => new PartnershipFields(slug, name, area));
    }
}
