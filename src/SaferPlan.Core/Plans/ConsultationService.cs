using SaferPlan.Core.Monitoring;

namespace SaferPlan.Core.Plans;

/// <summary>
/// A comment: on the whole plan when no item is named, else on the one priority, action or milestone named. A support
/// officer may record it on someone else's behalf (<paramref name="MadeBy"/>) and says where it came from (<paramref name="Source"/>),
/// which is required after the deadline.
/// </summary>
public sealed record CommentInput(int? PriorityId, int? ActionId, int? MilestoneId, string? Text, string? Source = null, string? MadeBy = null);

/// <summary>The support officer's response to a comment: the change made, or no change with the reason.</summary>
public sealed record CommentResponseInput(CommentResponseKind? Kind, string? Text);

/// <summary>
/// An edition's comments in Appendix A's order: the whole plan first, then by priority, each in the order made; whether this
/// reader may comment (and why not, <paramref name="Refusal"/>) and respond to them (and why not, <paramref name="ResponseRefusal"/>).
/// </summary>
public sealed record EditionComments(
    PlanEdition Edition, EditionConsultation? Consultation, IReadOnlyList<ConsultationComment> Comments, bool CanComment, bool CanRespond, string? Refusal, string? ResponseRefusal);

/// <summary>A consultation as checked: the last day for comments, and the e-mail addresses besides the Board's, trimmed.</summary>
public sealed record ConsultationStart(DateOnly Deadline, IReadOnlyList<string> Consultees);

/// <summary>
/// The consultation on a draft edition (issue 12, item 3): the partnership's members comment until the deadline, a support
/// officer records late comments and those made at meetings with where they came from, and records the response to each.
/// </summary>
public sealed class ConsultationService(SaferPlanDbContext db, TimeProvider time, UpdateLinkActor actor)
{
    public const string TokenPrefix = "cl_";

    public const int TextLength = 4000;
    public const int NameLength = 200;

    private DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>The edition's comments, for its partnership's members; not found for those who cannot read the edition, forbidden for other readers.</summary>
    public async Task<EditResult<EditionComments>> CommentsAsync(int editionId, UserContext user, CancellationToken ct = default)
    {
        var edition = await db.Editions.AsNoTracking().Include(e => e.Plan).Include(e => e.Priorities).FirstOrDefaultAsync(e => e.Id == editionId, ct);
        if (edition is null || !Permissions.CanReadEdition(user, edition, edition.Plan.PartnershipId))
        {
            return EditResult<EditionComments>.NotFound($"There is no plan edition {editionId}.");
        }

        var partnershipId = edition.Plan.PartnershipId;
        if (!Permissions.CanReadComments(user, partnershipId))
        {
            return EditResult<EditionComments>.Forbidden("Only the partnership's members can read the comments on its plan.");
        }

        var consultation = await db.Set<EditionConsultation>().AsNoTracking().FirstOrDefaultAsync(c => c.EditionId == editionId, ct);
        var comments = await db.Set<ConsultationComment>().AsNoTracking()
            .Include(c => c.Priority).Include(c => c.Action).Include(c => c.Milestone)
            .Where(c => c.EditionId == editionId).ToListAsync(ct);
        var ordered = comments.OrderBy(c => c.Priority?.Number ?? 0).ThenBy(c => c.PriorityId).ThenBy(c => c.Sequence).ToList();
        var refusal = Permissions.CommentRefusal(user, partnershipId, edition, consultation?.Deadline, Today);
        var responseRefusal = Permissions.CommentResponseRefusal(user, partnershipId, edition);
        return EditResult<EditionComments>.Ok(new EditionComments(edition, consultation, ordered, refusal is null, responseRefusal is null, refusal, responseRefusal));
    }

    /// <summary>The edition a comment is on, or null when there is no such comment; says nothing of who may read it.</summary>
    public Task<int?> EditionOfAsync(int commentId, CancellationToken ct = default) =>
        db.Set<ConsultationComment>().Where(c => c.Id == commentId).Select(c => (int?)c.EditionId).FirstOrDefaultAsync(ct);

    /// <summary>Adds a comment, numbered next within its priority (or the whole plan).</summary>
    public async Task<EditResult<ConsultationComment>> AddAsync(int editionId, CommentInput input, UserContext user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var edition = await db.Editions.Include(e => e.Plan).FirstOrDefaultAsync(e => e.Id == editionId, ct);
        if (edition is null || !Permissions.CanReadEdition(user, edition, edition.Plan.PartnershipId))
        {
            return EditResult<ConsultationComment>.NotFound($"There is no plan edition {editionId}.");
        }

        var partnershipId = edition.Plan.PartnershipId;
        var consultation = await db.Set<EditionConsultation>().AsNoTracking().FirstOrDefaultAsync(c => c.EditionId == editionId, ct);
        if (Permissions.CommentRefusal(user, partnershipId, edition, consultation?.Deadline, Today) is { } refusal)
        {
            return EditResult<ConsultationComment>.Forbidden(refusal);
        }

        var recordsForOthers = Permissions.CanManageEditions(user, partnershipId);
        var late = consultation is not null && Today > consultation.Deadline;
        var check = new FieldCheck();
        var text = check.Required("Text", input.Text, TextLength, "Enter the comment", "The comment");

        if (late && string.IsNullOrWhiteSpace(input.Source))
        {
            check.Add("Source", $"Comments closed on {Periods.Dates.Display(consultation!.Deadline)}: enter where this comment came from, for example Executive Group meeting, 17 December 2009");
        }
        else if (input.Source?.Trim().Length > NameLength)
        {
            check.Add("Source", $"Where the comment came from must be {NameLength} characters or fewer");
        }

        if (!recordsForOthers && (!string.IsNullOrWhiteSpace(input.Source) || !string.IsNullOrWhiteSpace(input.MadeBy)))
        {
            check.Add("Source", "Only a support officer can record a comment on someone else's behalf");
        }
        else if (input.MadeBy?.Trim().Length > NameLength)
        {
            check.Add("MadeBy", $"The name must be {NameLength} characters or fewer");
        }
        else if (input.MadeBy?.Contains('@', StringComparison.Ordinal) == true)
        {
            check.Add("MadeBy", "Enter the name of who made the comment, not their e-mail address");
        }

        var (subject, priorityId, actionId, milestoneId, error) = await SubjectAsync(editionId, input, ct);
        if (error is not null)
        {
            check.Add("Item", error);
        }

        if (check.Refused(out EditResult<ConsultationComment>? invalid))
        {
            return invalid;
        }

        var source = string.IsNullOrWhiteSpace(input.Source) ? null : input.Source.Trim();
        var madeBy = string.IsNullOrWhiteSpace(input.MadeBy) ? null : input.MadeBy.Trim();
        return await SaveNewAsync(
            new ConsultationComment
            {
                EditionId = editionId,
                PriorityId = priorityId,
                ActionId = actionId,
                MilestoneId = milestoneId,
                Subject = subject,
                Text = text,
                MadeBy = madeBy ?? user.Name,
                Source = source,
                RecordedBy = madeBy is null && source is null ? null : user.Name,
            },
            partnershipId,
            ct);
    }

    /// <summary>Numbers a new comment after the last on its priority, stamps when it was made and saves it, its priority loaded.</summary>
    private async Task<EditResult<ConsultationComment>> SaveNewAsync(ConsultationComment comment, int partnershipId, CancellationToken ct)
    {
        var (editionId, priorityId) = (comment.EditionId, comment.PriorityId);
        var last = await db.Set<ConsultationComment>().Where(c => c.EditionId == editionId && c.PriorityId == priorityId).MaxAsync(c => (int?)c.Sequence, ct) ?? 0;
        comment.Sequence = last + 1;
        comment.MadeAt = time.GetUtcNow();
        db.Add(comment);
        var saved = await db.SaveEditAsync(comment, null, new EditSave(partnershipId, "comment")
        {
            Clash = "Someone else commented on the same item at the same moment. Your comment has not been saved: send it again.",
        }, ct);
        if (saved.Succeeded && priorityId is not null)
        {
            await db.Entry(comment).Reference(c => c.Priority).LoadAsync(ct);
        }

        return saved;
    }

    /// <summary>Records (or changes) the support officer's response to a comment, from the version they read, until the edition is approved.</summary>
    public async Task<EditResult<ConsultationComment>> RespondAsync(int commentId, CommentResponseInput input, int expectedVersion, UserContext user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var comment = await db.Set<ConsultationComment>().Include(c => c.Priority).Include(c => c.Edition).ThenInclude(e => e.Plan)
            .FirstOrDefaultAsync(c => c.Id == commentId, ct);
        if (comment is null || !Permissions.CanReadComments(user, comment.Edition.Plan.PartnershipId))
        {
            return EditResult<ConsultationComment>.NotFound($"There is no comment {commentId}.");
        }

        var partnershipId = comment.Edition.Plan.PartnershipId;
        if (Permissions.CommentResponseRefusal(user, partnershipId, comment.Edition) is { } refusal)
        {
            return EditResult<ConsultationComment>.Forbidden(refusal);
        }

        var check = new FieldCheck();
        if (input.Kind is null)
        {
            check.Add("Kind", "Select whether the plan was changed in response");
        }

        var response = check.Required("Text", input.Text, TextLength,
            input.Kind == CommentResponseKind.NoChange ? "Enter why no change was made" : "Enter the change made in response", "The response");

        if (check.Refused(out EditResult<ConsultationComment>? invalid))
        {
            return invalid;
        }

        return await db.SaveEditAsync(comment, expectedVersion, new EditSave(partnershipId, "comment's response")
        {
            Change = () =>
            {
                comment.ResponseKind = input.Kind;
                comment.Response = response;
                comment.RespondedBy = user.Name;
                comment.RespondedAt = time.GetUtcNow();
            },
        }, ct);
    }

    /// <summary>
    /// Sends a draft out for comments until the deadline: Draft becomes Consultation, and each consultee is e-mailed (through
    /// the outbox, in the same save) a personal link to read the draft and comment, expiring at the end of the deadline. The
    /// consultees are the chairs and members with an e-mail address of the partnership's Board and Executive Group, and the
    /// addresses given.
    /// </summary>
    public async Task<EditResult<EditionConsultation>> StartAsync(int editionId, DateOnly? deadline, IReadOnlyList<string> consultees, string baseUrl, UserContext user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(consultees);
        var edition = await db.Editions.Include(e => e.Plan).FirstOrDefaultAsync(e => e.Id == editionId, ct);
        if (edition is null || !Permissions.CanReadEdition(user, edition, edition.Plan.PartnershipId))
        {
            return EditResult<EditionConsultation>.NotFound($"There is no plan edition {editionId}.");
        }

        var partnershipId = edition.Plan.PartnershipId;
        if (!Permissions.CanManageEditions(user, partnershipId))
        {
            return EditResult<EditionConsultation>.Forbidden("Only the partnership's support officers and administrators can send a draft out for comments.");
        }

        var board = await BoardConsulteesAsync(partnershipId, ct);
        if (CheckStart(edition, deadline, consultees, board.Count).Refused(out var start, out EditResult<EditionConsultation>? invalid))
        {
            return invalid;
        }

        var recipients = board
            .Concat(start.Consultees.Select(g => (Email: g, Name: g[..g.IndexOf('@', StringComparison.Ordinal)])))
            .DistinctBy(r => r.Email.ToUpperInvariant()).ToList();
        var now = time.GetUtcNow();
        var closes = start.Deadline;
        var expiresAt = new DateTimeOffset(closes.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        foreach (var (email, name) in recipients)
        {
            var token = SecretTokens.New(TokenPrefix);
            db.Add(new ConsultationLink { EditionId = editionId, TokenHash = SecretTokens.Hash(token), Email = email, Name = name, CreatedAt = now, CreatedBy = user.Name, ExpiresAt = expiresAt });
            var url = $"{baseUrl.TrimEnd('/')}/c/{token}";
            db.Add(new OutboxMessage
            {
                To = email,
                Subject = $"Comments on the draft {edition.Title} by {Periods.Dates.Display(closes)}",
                TextBody = $"Dear {name},\n\nThe draft {edition.Title} ({edition.Year.Display}) is out for comments until {Periods.Dates.Display(closes)}. "
                    + $"Read it and comment on the whole plan or on any priority, action or milestone, without signing in, at this link:\n\n{url}\n\n"
                    + $"The link is yours alone and works until the end of {Periods.Dates.Display(closes)}.\n",
                CreatedAt = now,
                NextAttemptAt = now,
            });
        }

        var consultation = new EditionConsultation { EditionId = editionId, Deadline = closes, StartedAt = time.GetUtcNow(), StartedBy = user.Name };
        db.Add(consultation);
        edition.Status = EditionStatus.Consultation;
        return await db.SaveEditAsync(consultation, null, new EditSave(partnershipId, "consultation")
        {
            Clash = $"The {edition.Year.Display} edition is already out for comments.",
        }, ct);
    }

    /// <summary>The chairs and members with an e-mail address of the partnership's Board and Executive Group: whom a draft goes to unasked.</summary>
    private async Task<List<(string Email, string Name)>> BoardConsulteesAsync(int partnershipId, CancellationToken ct)
    {
        var bodies = db.Partnerships.Where(p => p.Id == partnershipId)
            .SelectMany(p => p.Bodies).Where(b => b.Kind == BodyKind.Board || b.Kind == BodyKind.ExecutiveGroup);
        var chairs = await bodies.Where(b => b.Chair != null && b.Chair.Email != null).Select(b => new { b.Chair!.Name, b.Chair.Email }).ToListAsync(ct);
        var members = await db.Set<BodyMember>().Where(m => bodies.Any(b => b.Id == m.BodyId) && m.Person.Email != null)
            .Select(m => new { m.Person.Name, m.Person.Email }).ToListAsync(ct);
        return chairs.Concat(members).Select(c => (Email: c.Email!.Trim(), c.Name)).Where(c => c.Email.Length > 0).ToList();
    }

    /// <summary>As <see cref="CheckStart"/>, counting the partnership's Board and Executive Group members the draft would go to.</summary>
    public async Task<EditResult<ConsultationStart>> CheckStartAsync(PlanEdition edition, int partnershipId, DateOnly? deadline, IReadOnlyList<string> consultees, CancellationToken ct = default) =>
        CheckStart(edition, deadline, consultees, (await BoardConsulteesAsync(partnershipId, ct)).Count);

    /// <summary>
    /// What is wrong with sending <paramref name="edition"/> out for comments until <paramref name="deadline"/> to
    /// <paramref name="consultees"/> besides its Board's (<paramref name="boardConsultees"/> addresses), every error at
    /// once; nothing is sent. A draft sent to nobody is refused on the addresses.
    /// </summary>
    public EditResult<ConsultationStart> CheckStart(PlanEdition edition, DateOnly? deadline, IReadOnlyList<string> consultees, int boardConsultees)
    {
        ArgumentNullException.ThrowIfNull(edition);
        ArgumentNullException.ThrowIfNull(consultees);
        var check = new FieldCheck();
        var closes = deadline.GetValueOrDefault();
        if (edition.Status != EditionStatus.Draft)
        {
            check.Add("Deadline", edition.Status == EditionStatus.Consultation
                ? $"The {edition.Year.Display} edition is already out for comments"
                : $"Only a draft can be sent out for comments; the {edition.Year.Display} edition is {edition.Status.ToString().ToLowerInvariant()}");
        }
        else if (deadline is null)
        {
            check.Add("Deadline", "Enter the last day for comments");
        }
        else if (closes < Today)
        {
            check.Add("Deadline", "The last day for comments must be today or in the future");
        }

        var given = consultees.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).ToList();
        if (given.FirstOrDefault(c => c.Length > NameLength || !System.Net.Mail.MailAddress.TryCreate(c, out var parsed) || parsed.Address != c) is { } bad)
        {
            check.Add("Consultees", $"Enter e-mail addresses like name@example.org; \"{bad}\" is not one");
        }
        else if (given.Count == 0 && boardConsultees == 0)
        {
            check.Add("Consultees", "Add the e-mail addresses to send the draft to: the partnership's Board and Executive Group have no members with an e-mail address yet");
        }

        return check.Result(() => new ConsultationStart(closes, given));
    }

    /// <summary>
    /// Opens a consultee's link: the link and its edition, or why it does not open (with the link when it was found). Each
    /// opening is recorded on the link (audited as the consultee), and names them as the actor for the rest of the request.
    /// </summary>
    public async Task<EditResult<ConsultationLink>> OpenLinkAsync(string? token, CancellationToken ct = default)
    {
        const string Unknown = "This link is not recognised. Check it was copied whole from the e-mail.";
        if (string.IsNullOrWhiteSpace(token) || !token.StartsWith(TokenPrefix, StringComparison.Ordinal) || token.Length > 200)
        {
            return EditResult<ConsultationLink>.NotFound(Unknown);
        }

        var hash = SecretTokens.Hash(token);
        var link = await db.Set<ConsultationLink>().Include(l => l.Edition).ThenInclude(e => e.Plan).FirstOrDefaultAsync(l => l.TokenHash == hash, ct);
        if (link is null)
        {
            return EditResult<ConsultationLink>.NotFound(Unknown);
        }

        if (Permissions.ConsultationLinkRefusal(link, link.Edition, time.GetUtcNow()) is { } refusal)
        {
            return EditResult<ConsultationLink>.Forbidden(refusal);
        }

        actor.Actor = new Auditing.AuditActor(null, $"{link.Name} (e-mailed link)");
        link.LastUsedAt = time.GetUtcNow();
        db.AuditPartnershipId = link.Edition.Plan.PartnershipId;
        await db.SaveChangesAsync(ct);
        return EditResult<ConsultationLink>.Ok(link);
    }

    /// <summary>The draft as a consultee reads it: its priorities, actions and milestones, Restricted ones left out.</summary>
    public async Task<IReadOnlyList<Priority>> DraftForConsulteeAsync(int editionId, CancellationToken ct = default)
    {
        var priorities = await db.Priorities.AsNoTracking().Include(p => p.Actions).ThenInclude(a => a.Milestones)
            .Where(p => p.EditionId == editionId && p.Marking != ProtectiveMarking.Restricted).OrderBy(p => p.SortOrder).ThenBy(p => p.Number).ToListAsync(ct);
        foreach (var p in priorities)
        {
            p.Actions = p.Actions.Where(a => a.Marking != ProtectiveMarking.Restricted).OrderBy(a => a.SortOrder).ToList();
            foreach (var a in p.Actions)
            {
                a.Milestones = a.Milestones.Where(m => m.Marking != ProtectiveMarking.Restricted).OrderBy(m => m.SortOrder).ToList();
            }
        }

        return priorities;
    }

    /// <summary>A comment sent through a consultee's link (already opened by <see cref="OpenLinkAsync"/>), under the consultee's name.</summary>
    public async Task<EditResult<ConsultationComment>> AddByLinkAsync(ConsultationLink link, CommentInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(input);
        if (Permissions.ConsultationLinkRefusal(link, link.Edition, time.GetUtcNow()) is { } refusal)
        {
            return EditResult<ConsultationComment>.Forbidden(refusal);
        }

        var check = new FieldCheck();
        var text = check.Required("Text", input.Text, TextLength, "Enter your comment", "Your comment");

        var visible = await DraftForConsulteeAsync(link.EditionId, ct);
        var (subject, priorityId, actionId, milestoneId, error) = await SubjectAsync(link.EditionId, input with { Source = null, MadeBy = null }, ct);
        if (error is null && priorityId is { } pid && (visible.FirstOrDefault(p => p.Id == pid) is not { } seen
            || (actionId is { } aid && seen.Actions.FirstOrDefault(a => a.Id == aid) is not { } action)
            || (milestoneId is { } mid && !seen.Actions.SelectMany(a => a.Milestones).Any(m => m.Id == mid))))
        {
            error = "Choose an item of the draft you were sent";
        }

        if (error is not null)
        {
            check.Add("Item", error);
        }

        if (check.Refused(out EditResult<ConsultationComment>? invalid))
        {
            return invalid;
        }

        return await SaveNewAsync(
            new ConsultationComment
            {
                EditionId = link.EditionId,
                PriorityId = priorityId,
                ActionId = actionId,
                MilestoneId = milestoneId,
                Subject = subject,
                Text = text,
                MadeBy = link.Name,
                Source = "E-mailed link",
            },
            link.Edition.Plan.PartnershipId,
            ct);
    }

    /// <summary>Stops a consultee's link working: the partnership's support officers and administrators only.</summary>
    public async Task<EditResult<ConsultationLink>> RevokeLinkAsync(int linkId, UserContext user, CancellationToken ct = default)
    {
        var link = await db.Set<ConsultationLink>().Include(l => l.Edition).ThenInclude(e => e.Plan).FirstOrDefaultAsync(l => l.Id == linkId, ct);
        if (link is null || !Permissions.CanReadComments(user, link.Edition.Plan.PartnershipId))
        {
            return EditResult<ConsultationLink>.NotFound($"There is no consultation link {linkId}.");
        }

        if (!Permissions.CanManageEditions(user, link.Edition.Plan.PartnershipId))
        {
            return EditResult<ConsultationLink>.Forbidden("Only the partnership's support officers and administrators can revoke consultation links.");
        }

        if (link.RevokedAt is null)
        {
            link.RevokedAt = time.GetUtcNow();
            db.AuditPartnershipId = link.Edition.Plan.PartnershipId;
            await db.SaveChangesAsync(ct);
        }

        return EditResult<ConsultationLink>.Ok(link);
    }

    /// <summary>The links sent for an edition, for its support officers and administrators.</summary>
    public async Task<IReadOnlyList<ConsultationLink>> LinksAsync(int editionId, UserContext user, CancellationToken ct = default)
    {
        var partnershipId = await db.Editions.Where(e => e.Id == editionId).Select(e => (int?)e.Plan.PartnershipId).FirstOrDefaultAsync(ct);
        return partnershipId is { } id && Permissions.CanManageEditions(user, id)
            ? await db.Set<ConsultationLink>().AsNoTracking().Where(l => l.EditionId == editionId).OrderBy(l => l.Id).ToListAsync(ct)
            : [];
    }

    private async Task<(string Subject, int? PriorityId, int? ActionId, int? MilestoneId, string? Error)> SubjectAsync(int editionId, CommentInput input, CancellationToken ct)
    {
        var named = new[] { input.PriorityId, input.ActionId, input.MilestoneId }.Count(i => i is not null);
        if (named > 1)
        {
            return ("", null, null, null, "Choose one item of the plan to comment on, or the whole plan");
        }

        if (input.MilestoneId is { } mid)
        {
            var m = await db.Milestones.AsNoTracking().Include(x => x.Action).ThenInclude(a => a.Priority).FirstOrDefaultAsync(x => x.Id == mid && x.Action.Priority.EditionId == editionId, ct);
            return m is null ? ("", null, null, null, "Choose a milestone of this edition") : ($"Milestone {m.Code}", m.Action.PriorityId, m.ActionId, m.Id, null);
        }

        if (input.ActionId is { } aid)
        {
            var a = await db.Actions.AsNoTracking().Include(x => x.Priority).FirstOrDefaultAsync(x => x.Id == aid && x.Priority.EditionId == editionId, ct);
            return a is null ? ("", null, null, null, "Choose an action of this edition") : ($"Action {a.Number}", a.PriorityId, a.Id, null, null);
        }

        if (input.PriorityId is { } pid)
        {
            var p = await db.Priorities.AsNoTracking().FirstOrDefaultAsync(x => x.Id == pid && x.EditionId == editionId, ct);
            return p is null ? ("", null, null, null, "Choose a priority of this edition") : ($"Priority {p.Number}", p.Id, null, null, null);
        }

        return ("The whole plan", null, null, null, null);
    }
}
