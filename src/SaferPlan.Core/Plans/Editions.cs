namespace SaferPlan.Core.Plans;

/// <summary>A new plan: its title and the financial years it spans; its first edition starts in its first year.</summary>
public sealed record PlanInput(string? Title, int? StartYear, int? EndYear, string? EditionLabel);

/// <summary>An edition's name: its title and the partnership's own version label (none when blank).</summary>
public sealed record EditionNameInput(string? Title, string? Label);

/// <summary>A new plan as checked; <paramref name="EditionLabel"/> is null where the input gave none.</summary>
public sealed record PlanFields(string Title, int StartYear, int EndYear, string? EditionLabel);

/// <summary>
/// The decision that approves an edition: when, by which body (the partnership's Board when blank, by its name as
/// <see cref="BodyDecisions.BoardNameAsync"/> gives it), and its minute.
/// </summary>
public sealed record ApprovalInput(DateOnly? DecidedOn, string? Body, string? Minute)
{
    /// <summary>
    /// The version label the edition is published with: null keeps the one it has, blank clears it (a working label such as
    /// DRAFT.V1 should not stay on the approved plan), text replaces it.
    /// </summary>
    public string? Label { get; init; }
}

/// <summary>
/// A decision of the Board as checked (an edition's approval, a funding plan's agreement): its date, the body that made it
/// (null for the partnership's Board) and its minute.
/// </summary>
public sealed record ApprovalFields(DateOnly DecidedOn, string? Body, string? Minute);

/// <summary>
/// A plan's editions from start to approval: a support officer starts a plan with its first edition as a draft, builds it up
/// priority by priority, and records the Board's approval, which publishes it and supersedes the edition approved before it.
/// </summary>
public sealed class EditionService(SaferPlanDbContext db, TimeProvider time)
{
    public const int TitleLength = 200;
    public const int LabelLength = 100;

    /// <summary>Starts a plan and its first edition, a draft only the partnership's members can see.</summary>
    public async Task<EditResult<PlanEdition>> StartPlanAsync(int partnershipId, PlanInput input, UserContext user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!Permissions.CanManageEditions(user, partnershipId))
        {
            return EditResult<PlanEdition>.Forbidden("Only the partnership's support officers and administrators can start a plan.");
        }

        var checkedPlan = Check(input);
        if (checkedPlan.Succeeded && await db.Plans.AnyAsync(p => p.PartnershipId == partnershipId && p.StartYear == checkedPlan.Value.StartYear, ct))
        {
            checkedPlan = checkedPlan.WithError("StartYear", $"This partnership already has a plan starting in {checkedPlan.Value.StartYear}; refresh that plan instead");
        }

        if (checkedPlan.Refused(out var fields, out EditResult<PlanEdition>? invalid))
        {
            return invalid;
        }

        var plan = new Plan { PartnershipId = partnershipId, Title = fields.Title, StartYear = fields.StartYear, EndYear = fields.EndYear };
        var edition = new PlanEdition
        {
            Plan = plan,
            YearStart = plan.StartYear,
            Label = fields.EditionLabel,
            Title = fields.Title,
            Status = EditionStatus.Draft,
        };
        db.Plans.Add(plan);
        db.Editions.Add(edition);
        return await db.SaveEditAsync(edition, null, new EditSave(partnershipId, "plan edition"), ct);
    }

    /// <summary>What is wrong with a new plan's details, in GOV.UK words, by field, or the details as checked.</summary>
    public static EditResult<PlanFields> Check(PlanInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var check = new FieldCheck();
        var title = check.Required("Title", input.Title, TitleLength, "Enter the plan's title, for example Community Safety Plan 2011–2014", "The title");
        var start = check.Given("StartYear", input.StartYear, "Enter the year the plan starts, for example 2011 for a plan starting in April 2011");
        if (!check.Failed("StartYear") && start is < 2000 or > 2100)
        {
            check.Add("StartYear", "The year the plan starts must be between 2000 and 2100");
        }

        var end = check.Given("EndYear", input.EndYear, "Enter the year the plan ends, for example 2014");
        if (!check.Failed("EndYear") && input.StartYear is not null && (end <= start || end > start + 5))
        {
            check.Add("EndYear", "The year the plan ends must be after the year it starts, and no more than 5 years after");
        }

        var label = check.Optional("EditionLabel", input.EditionLabel, LabelLength, "The version label");
        return check.Result(() => new PlanFields(title, start, end, label));
    }

    /// <summary>
    /// Renames an edition still being written (a draft, or out for consultation): its title and version label (DRAFT.V2,
    /// "Refresh for consultation"). Once the Board has approved it, it keeps the name it was approved under.
    /// </summary>
    public async Task<EditResult<PlanEdition>> RenameAsync(int editionId, EditionNameInput input, int expectedVersion, UserContext user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var edition = await db.Editions.Include(e => e.Plan).FirstOrDefaultAsync(e => e.Id == editionId, ct);
        if (edition is null || !Permissions.CanReadEdition(user, edition, edition.Plan.PartnershipId))
        {
            return EditResult<PlanEdition>.NotFound($"There is no plan edition {editionId}.");
        }

        var partnershipId = edition.Plan.PartnershipId;
        if (!Permissions.CanManageEditions(user, partnershipId))
        {
            return EditResult<PlanEdition>.Forbidden("Only the partnership's support officers and administrators can change an edition's title and label.");
        }

        if (Permissions.NameRefusal(edition) is { } refusal)
        {
            return EditResult<PlanEdition>.Forbidden(refusal);
        }

        var check = new FieldCheck();
        var title = check.Required("Title", input.Title, TitleLength, "Enter the edition's title, for example Rolling Plan 2010–2013", "The title");
        var label = check.Optional("Label", input.Label, LabelLength, "The version label");
        if (check.Result(() => (title, label)).Refused(out var name, out EditResult<PlanEdition>? invalid))
        {
            return invalid;
        }

        return await db.SaveEditAsync(edition, expectedVersion, new EditSave(partnershipId, "plan edition")
        {
            Change = () =>
            {
                edition.Title = name.title;
                edition.Label = name.label;
            },
        }, ct);
    }

    /// <summary>
    /// Records the decision that approves a draft edition: the edition is published, and the edition of the same plan approved
    /// before it is superseded. An edition without priorities cannot be approved. The version is checked when one is given;
    /// approving twice is refused either way.
    /// </summary>
    public async Task<EditResult<PlanEdition>> ApproveAsync(int editionId, ApprovalInput input, int? expectedVersion, UserContext user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var edition = await db.Editions.Include(e => e.Plan).ThenInclude(p => p.Partnership).Include(e => e.Priorities).FirstOrDefaultAsync(e => e.Id == editionId, ct);
        if (edition is null || !Permissions.CanReadEdition(user, edition, edition.Plan.PartnershipId))
        {
            return EditResult<PlanEdition>.NotFound($"There is no plan edition {editionId}.");
        }

        var partnershipId = edition.Plan.PartnershipId;
        if (!Permissions.CanManageEditions(user, partnershipId))
        {
            return EditResult<PlanEdition>.Forbidden("Only the partnership's support officers and administrators can record the Board's approval.");
        }

        if (CheckApproval(edition, input, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)).Refused(out var fields, out EditResult<PlanEdition>? invalid))
        {
            return invalid;
        }

        var label = edition.Label;
        if (input.Label is not null)
        {
            var labelCheck = new FieldCheck();
            label = labelCheck.Optional("Label", input.Label, LabelLength, "The version label");
            if (labelCheck.Refused(out EditResult<PlanEdition>? badLabel))
            {
                return badLabel;
            }
        }

        var earlier = await db.Editions.Where(e => e.PlanId == edition.PlanId && e.Id != edition.Id && e.Status == EditionStatus.Approved).ToListAsync(ct);
        var body = fields.Body ?? await db.BoardNameAsync(partnershipId, ct);
        return await db.SaveEditAsync(edition, expectedVersion, new EditSave(partnershipId, "plan edition")
        {
            Change = () =>
            {
                edition.Status = EditionStatus.Approved;
                edition.ApprovedOn = fields.DecidedOn;
                edition.ApprovedBy = body;
                edition.ApprovalMinute = fields.Minute;
                edition.Label = label;
                foreach (var e in earlier)
                {
                    e.Status = EditionStatus.Superseded;
                }
            },
        }, ct);
    }

    /// <summary>The body an approval naming none is recorded as made by: the partnership's Board, by its name.</summary>
    public Task<string> BoardNameAsync(int partnershipId, CancellationToken ct = default) => db.BoardNameAsync(partnershipId, ct);

    /// <summary>
    /// The earliest day a decision can approve <paramref name="edition"/>: a year before its year starts (1 April of the year
    /// before), since a refresh is approved in the months before its year; a date earlier is a mistyped year.
    /// </summary>
    public static DateOnly EarliestApproval(PlanEdition edition)
    {
        ArgumentNullException.ThrowIfNull(edition);
        return edition.Year.Start.AddYears(-1);
    }

    /// <summary>
    /// Every rule the approving decision must meet, saving nothing: a date today or before, and no earlier than
    /// <see cref="EarliestApproval"/>.
    /// </summary>
    public static EditResult<ApprovalFields> CheckApproval(PlanEdition edition, ApprovalInput input, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(edition);
        ArgumentNullException.ThrowIfNull(input);
        var check = new FieldCheck();
        var decidedOn = input.DecidedOn.GetValueOrDefault();
        if (edition.Status is not (EditionStatus.Draft or EditionStatus.Consultation))
        {
            check.Add("DecidedOn", $"This edition is already {(edition.Status == EditionStatus.Approved ? "approved" : "superseded")}");
        }
        else if (input.DecidedOn is null)
        {
            check.Add("DecidedOn", "Enter the date of the decision that approved the plan");
        }
        else if (decidedOn > today)
        {
            check.Add("DecidedOn", "The date of the decision must be today or in the past");
        }
        else if (decidedOn < EarliestApproval(edition))
        {
            check.Add("DecidedOn", $"The date of the decision must be on or after {Dates.Display(EarliestApproval(edition))}, for the {edition.Year.Display} edition");
        }
        else if (edition.Priorities.Count == 0)
        {
            check.Add("DecidedOn", "Add the plan's priorities before recording its approval");
        }

        var body = check.Optional("Body", input.Body, TitleLength, "The body's name");
        var minute = check.Optional("Minute", input.Minute, LabelLength, "The minute reference");
        return check.Result(() => new ApprovalFields(decidedOn, body, minute));
    }
}
