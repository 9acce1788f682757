using SaferPlan.Core.Auditing;

namespace SaferPlan.Core.Monitoring;

/// <summary>Why an update link did not open.</summary>
public enum UpdateLinkProblem
{
    /// <summary>No link has this token: mistyped, cut short by the mail program, or never issued.</summary>
    Unknown,
    Expired,
    Revoked,
}

/// <summary>An update link that opened: the link, who it acts as (their milestones in its quarter only), and for whom.</summary>
public sealed record OpenedUpdateLink(UpdateLink Link, UserContext User, Partnership Partnership, Person Person);

/// <summary>What came of opening an update link: the link, or why it did not open (with the link, when it was found).</summary>
public sealed record UpdateLinkResolution(OpenedUpdateLink? Opened, UpdateLinkProblem? Problem, UpdateLink? Found = null)
{
    public bool Succeeded => Opened is not null;
}

/// <summary>One milestone's update as sent from an update link's page, written from <paramref name="ExpectedVersion"/> (0 for a first one).</summary>
public sealed record LinkUpdate(int MilestoneId, UpdateInput Input, int ExpectedVersion);

/// <summary>
/// Who the audit trail names for the rest of this request when it acts through an e-mailed link. Scoped: set by
/// <see cref="UpdateLinkService.ResolveAsync"/> and read by the web app's actor accessor.
/// </summary>
public sealed class UpdateLinkActor
{
    public AuditActor? Actor { get; internal set; }
}

/// <summary>
/// Personal update links: a token e-mailed to a lead officer that opens the update form for their milestones in one quarter,
/// with no password. Only the token's SHA-256 is stored; links expire and can be revoked, and every use is audited.
/// </summary>
public sealed class UpdateLinkService(SaferPlanDbContext db, TimeProvider time, UpdateLinkActor actor, UpdateService updates)
{
    public const string TokenPrefix = "ul_";

    /// <summary>Creates a link and saves it; returns the token, which is shown (e-mailed) once and never stored.</summary>
    public async Task<string> CreateAsync(int partnershipId, int personId, ReportingPeriod period, string createdBy, TimeSpan lifetime, CancellationToken ct = default)
    {
        var token = Add(partnershipId, personId, period, createdBy, time.GetUtcNow().Add(lifetime), out _);
        db.AuditPartnershipId = partnershipId;
        await db.SaveChangesAsync(ct);
        return token;
    }

    /// <summary>Adds a link to the context without saving, so it is saved together with the e-mail that carries it.</summary>
    internal string Add(int partnershipId, int personId, ReportingPeriod period, string createdBy, DateTimeOffset expiresAt, out UpdateLink link)
    {
        if (period.IsWholeYear)
        {
            throw new ArgumentException("An update link is for one quarter, not a whole year.", nameof(period));
        }

        var token = SecretTokens.New(TokenPrefix);
        link = new UpdateLink
        {
            TokenHash = SecretTokens.Hash(token),
            PartnershipId = partnershipId,
            PersonId = personId,
            Period = period,
            CreatedAt = time.GetUtcNow(),
            CreatedBy = createdBy,
            ExpiresAt = expiresAt,
        };
        db.Add(link);
        return token;
    }

    /// <summary>
    /// Opens a link: checks it is known, not revoked and not expired, records its use (audited, as the link's person),
    /// and from then on names that person as the actor of this request's changes.
    /// </summary>
    public async Task<UpdateLinkResolution> ResolveAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || !token.StartsWith(TokenPrefix, StringComparison.Ordinal) || token.Length > 200)
        {
            return new UpdateLinkResolution(null, UpdateLinkProblem.Unknown);
        }

        var hash = SecretTokens.Hash(token);
        var link = await db.Set<UpdateLink>().FirstOrDefaultAsync(l => l.TokenHash == hash, ct);
        if (link is null)
        {
            return new UpdateLinkResolution(null, UpdateLinkProblem.Unknown);
        }

        var now = time.GetUtcNow();
        if (link.RevokedAt is not null)
        {
            return new UpdateLinkResolution(null, UpdateLinkProblem.Revoked, link);
        }

        if (link.ExpiresAt <= now)
        {
            return new UpdateLinkResolution(null, UpdateLinkProblem.Expired, link);
        }

        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == link.PersonId && p.PartnershipId == link.PartnershipId, ct);
        var partnership = await db.Partnerships.AsNoTracking().FirstOrDefaultAsync(p => p.Id == link.PartnershipId, ct);
        if (person is null || partnership is null)
        {
            return new UpdateLinkResolution(null, UpdateLinkProblem.Unknown);
        }

        var user = UserContext.ForUpdateLink(link.PartnershipId, link.PersonId, person.Name, link.Period);
        actor.Actor = new AuditActor(null, user.Name);
        link.LastUsedAt = now;
        db.AuditPartnershipId = link.PartnershipId;
        await db.SaveChangesAsync(ct);
        return new UpdateLinkResolution(new OpenedUpdateLink(link, user, partnership, person), null, link);
    }

    /// <summary>Stops a link working. Support officers and administrators only; revoking a revoked link changes nothing.</summary>
    public async Task<EditResult<UpdateLink>> RevokeAsync(int id, UserContext user, CancellationToken ct = default)
    {
        var link = await db.Set<UpdateLink>().FirstOrDefaultAsync(l => l.Id == id, ct);
        if (link is null || !Permissions.CanSeeUnpublished(user, link.PartnershipId))
        {
            return EditResult<UpdateLink>.NotFound($"There is no update link {id}.");
        }

        if (!Permissions.CanManageRounds(user, link.PartnershipId))
        {
            return EditResult<UpdateLink>.Forbidden("Only the partnership's support officers and administrators can revoke update links.");
        }

        if (link.RevokedAt is null)
        {
            link.RevokedAt = time.GetUtcNow();
            db.AuditPartnershipId = link.PartnershipId;
            await db.SaveChangesAsync(ct);
        }

        return EditResult<UpdateLink>.Ok(link);
    }

    /// <summary>The links issued for a quarter, newest first, with whom each is for. Support officers and administrators only.</summary>
    public async Task<EditResult<IReadOnlyList<(UpdateLink Link, Person Person)>>> LinksAsync(int partnershipId, ReportingPeriod period, UserContext user, CancellationToken ct = default)
    {
        if (!Permissions.CanManageRounds(user, partnershipId))
        {
            return EditResult<IReadOnlyList<(UpdateLink, Person)>>.Forbidden("Only the partnership's support officers and administrators can see update links.");
        }

        var links = await db.Set<UpdateLink>().AsNoTracking().Where(l => l.PartnershipId == partnershipId && l.Period == period).ToListAsync(ct);
        var ids = links.Select(l => l.PersonId).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        return EditResult<IReadOnlyList<(UpdateLink, Person)>>.Ok(links
            .Where(l => people.ContainsKey(l.PersonId))
            .OrderByDescending(l => l.Id)
            .Select(l => (l, people[l.PersonId]))
            .ToList());
    }

    /// <summary>
    /// Saves the updates sent with one submit of a link's page, all or none: each is saved as the link's person, for the
    /// link's quarter, in one transaction that is kept only if every one succeeds. Every invalid update is checked, so the
    /// page can name them all; a refusal or a conflict stops at once.
    /// </summary>
    public Task<IReadOnlyList<(LinkUpdate Update, EditResult<MilestoneUpdate> Result)>> SaveAllAsync(
        OpenedUpdateLink opened, IReadOnlyList<LinkUpdate> sent, CancellationToken ct = default) =>
        TryAllAsync(opened, sent, keep: true, ct);

    /// <summary>What saving the updates would come to, keeping none of them: for a page that found other errors of its own, to name every one at once.</summary>
    public Task<IReadOnlyList<(LinkUpdate Update, EditResult<MilestoneUpdate> Result)>> CheckAllAsync(
        OpenedUpdateLink opened, IReadOnlyList<LinkUpdate> sent, CancellationToken ct = default) =>
        TryAllAsync(opened, sent, keep: false, ct);

    /// <summary>Saves each update in one transaction, committed only when <paramref name="keep"/> and every one succeeded.</summary>
    private async Task<IReadOnlyList<(LinkUpdate Update, EditResult<MilestoneUpdate> Result)>> TryAllAsync(
        OpenedUpdateLink opened, IReadOnlyList<LinkUpdate> sent, bool keep, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(opened);
        ArgumentNullException.ThrowIfNull(sent);
        var results = new List<(LinkUpdate, EditResult<MilestoneUpdate>)>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var update in sent)
        {
            var result = await updates.SaveAsync(update.MilestoneId, opened.Link.Period, update.Input, update.ExpectedVersion, opened.User, ct);
            results.Add((update, result));
            if (result.Status is not (EditStatus.Ok or EditStatus.Invalid))
            {
                break;
            }
        }

        if (keep && results.All(r => r.Item2.Succeeded))
        {
            await transaction.CommitAsync(ct);
        }
        else
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
        }

        return results;
    }
}
