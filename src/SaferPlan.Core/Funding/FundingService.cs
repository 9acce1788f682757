using SaferPlan.Core.Auditing;

namespace SaferPlan.Core.Funding;

public sealed record StreamInput(string? Name, string? Funder, string? Amount, bool? Received, string? Conditions, string? AmendmentReason = null);

/// <summary>An allocation; it is for at most one of a priority, action or milestone of the year's plan.</summary>
public sealed record AllocationInput(
    int? StreamId, string? Name, string? Amount, AllocationStatus? Status, string? Note, int? PriorityId, int? ActionId, int? MilestoneId,
    string? Outcome, string? Results, ProtectiveMarking? Marking, string? AmendmentReason = null);

/// <summary>A payment; the transaction id is made when none is given (a finance system's own id is kept when it is).</summary>
public sealed record SpendInput(int? AllocationId, DateOnly? SpentOn, string? Amount, string? Payee, bool? PayeeIsPublic, string? Purchase, string? TransactionId = null);

/// <summary>A funding stream as checked: what an add or change writes.</summary>
public sealed record StreamFields(string Name, string? Funder, decimal Amount, bool Received, string? Conditions);

public sealed record AllocationFields(
    int StreamId, string Name, decimal Amount, AllocationStatus Status, string? Note, int? PriorityId, int? ActionId, int? MilestoneId,
    string? Outcome, string? Results, ProtectiveMarking Marking);

/// <summary>A payment as checked; <paramref name="TransactionId"/> is null where the input gave none.</summary>
public sealed record SpendFields(int AllocationId, DateOnly SpentOn, decimal Amount, string? Payee, bool PayeeIsPublic, string Purchase, string? TransactionId);

/// <summary>
/// A partnership's funding by year (issue 13, items 1 and 2): support officers and administrators keep the streams and
/// allocations and record the Board's agreement, after which a change needs an amendment reason; they and the lead officers
/// of what an allocation is for record the spending.
/// </summary>
public sealed class FundingService(SaferPlanDbContext db, TimeProvider time)
{
    public const string Redacted = "Redacted – personal data";

    private DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>The year's funding plan as <paramref name="user"/> may see it, or null when they may not see it at all.</summary>
    /// <param name="publicOnly">The public version whoever asks (the "What we spent" page and public documents).</param>
    public async Task<FundingPlanView?> PlanAsync(int partnershipId, ReportingPeriod year, UserContext user, bool publicOnly = false, CancellationToken ct = default)
    {
        var partnership = await db.Partnerships.AsNoTracking().FirstOrDefaultAsync(p => p.Id == partnershipId, ct);
        if (partnership is null)
        {
            return null;
        }

        var plan = await db.Set<FundingPlan>().AsNoTracking().FirstOrDefaultAsync(p => p.PartnershipId == partnershipId && p.YearStart == year.StartYear, ct);
        var full = !publicOnly && Permissions.CanReadFunding(user, partnershipId);
        if (!full && plan?.IsAgreed != true)
        {
            return publicOnly && Permissions.CanReadFunding(user, partnershipId) ? Empty(partnership, year, plan) : null;
        }

        var streams = await db.Set<FundingStream>().AsNoTracking().AsSplitQuery()
            .Where(s => s.PartnershipId == partnershipId && s.YearStart == year.StartYear)
            .Include(s => s.Allocations).ThenInclude(a => a.Spending)
            .Include(s => s.Allocations).ThenInclude(a => a.Priority)
            .Include(s => s.Allocations).ThenInclude(a => a.Action).ThenInclude(a => a!.Priority)
            .Include(s => s.Allocations).ThenInclude(a => a.Milestone).ThenInclude(m => m!.Action).ThenInclude(a => a.Priority)
            .OrderBy(s => s.Name).ToListAsync(ct);

        var canEdit = !publicOnly && Permissions.CanEditFunding(user, partnershipId);
        var canRecord = streams.SelectMany(s => s.Allocations)
            .ToDictionary(a => a.Id, a => !publicOnly && Permissions.CanRecordSpending(user, partnershipId, LeadOfficers(a)));
        var recordedBy = await RecordedByAsync(streams.SelectMany(s => s.Allocations).Where(a => canRecord[a.Id]).SelectMany(a => a.Spending).Select(s => s.Id), ct);
        var allocations = new List<AllocationLine>();
        var streamLines = new List<StreamLine>();
        foreach (var stream in streams)
        {
            var lines = stream.Allocations.Where(a => full || !IsRestricted(a)).OrderBy(a => a.Id)
                .Select(a => Line(a, full, canRecord[a.Id],
                    s => !publicOnly && Permissions.CanChangeSpending(user, partnershipId, LeadOfficers(a), recordedBy.GetValueOrDefault(s.Id))))
                .ToList();
            allocations.AddRange(lines);
            streamLines.Add(new StreamLine(stream, lines.Sum(l => l.Allocation.Amount), lines.Sum(l => l.Spent)));
        }

        var priorities = allocations.GroupBy(a => (a.PriorityNumber, a.PriorityLabel, a.Allocation.PriorityId))
            .OrderBy(g => g.Key.PriorityNumber ?? int.MaxValue)
            .Select(g => new PriorityLine(g.Key.PriorityId, g.Key.PriorityNumber, g.Key.PriorityLabel, g.Sum(a => a.Allocation.Amount), g.Sum(a => a.Spent)))
            .ToList();
        return new FundingPlanView(partnership, year, plan, streamLines, allocations, priorities, full, canEdit,
            !publicOnly && Permissions.MayRecordSomeSpending(user, partnershipId));
    }

    private static FundingPlanView Empty(Partnership partnership, ReportingPeriod year, FundingPlan? plan) =>
        new(partnership, year, plan, [], [], [], false, false, false);

    /// <summary>Restricted itself, or for something restricted: kept from visitors.</summary>
    public static bool IsRestricted(FundingAllocation a) =>
        a.Marking == ProtectiveMarking.Restricted
        || a.Priority?.Marking == ProtectiveMarking.Restricted
        || a.Action?.Marking == ProtectiveMarking.Restricted || a.Action?.Priority?.Marking == ProtectiveMarking.Restricted
        || a.Milestone?.Marking == ProtectiveMarking.Restricted || a.Milestone?.Action?.Marking == ProtectiveMarking.Restricted
        || a.Milestone?.Action?.Priority?.Marking == ProtectiveMarking.Restricted;

    private static Priority? PriorityOf(FundingAllocation a) => a.Priority ?? a.Action?.Priority ?? a.Milestone?.Action?.Priority;

    private static IEnumerable<int?> LeadOfficers(FundingAllocation a) =>
    [
        a.Priority?.LeadOfficerId, a.Action?.LeadOfficerId, a.Action?.Priority?.LeadOfficerId,
        a.Milestone?.LeadOfficerId, a.Milestone?.Action?.LeadOfficerId, a.Milestone?.Action?.Priority?.LeadOfficerId,
    ];

    private static AllocationLine Line(FundingAllocation a, bool full, bool canRecord, Func<FundingSpend, bool> canChange)
    {
        var priority = PriorityOf(a);
        var label = priority is null ? "Other projects"
            : priority.Kind == PriorityKind.Priority ? $"Priority {priority.Number}: {priority.Title}" : priority.Title;
        var spending = a.Spending.OrderBy(s => s.SpentOn).ThenBy(s => s.Id)
            .Select(s => new SpendLine(s, full || s.PayeeIsPublic ? s.Payee ?? "" : Redacted, canChange(s))).ToList();
        return new AllocationLine(a, spending, label, priority?.Kind == PriorityKind.Priority ? priority.Number : null, canRecord);
    }

    /// <summary>The years with a funding plan the user may see, latest first: those with streams for members, agreed ones for visitors.</summary>
    public async Task<IReadOnlyList<ReportingPeriod>> YearsAsync(int partnershipId, UserContext user, CancellationToken ct = default)
    {
        var members = Permissions.CanReadFunding(user, partnershipId);
        var years = await db.Set<FundingPlan>().AsNoTracking()
            .Where(p => p.PartnershipId == partnershipId && (members || p.AgreedOn != null))
            .Select(p => p.YearStart).ToListAsync(ct);
        return years.OrderDescending().Select(ReportingPeriod.Year).ToList();
    }

    /// <summary>
    /// Records the Board decision that agrees the year's funding plan: when, by which body (the partnership's Board when blank)
    /// and its minute. From then on its streams and allocations change only by amendment. Meetings call this when a decision
    /// is recorded.
    /// </summary>
    public async Task<EditResult<FundingPlan>> AgreeAsync(int partnershipId, ReportingPeriod year, DateOnly? decidedOn, string? body, string? minute, UserContext user, CancellationToken ct = default)
    {
        var partnership = await db.Partnerships.FirstOrDefaultAsync(p => p.Id == partnershipId, ct);
        if (partnership is null || !Permissions.CanReadFunding(user, partnershipId))
        {
            return EditResult<FundingPlan>.NotFound($"There is no funding plan for {year.Display}.");
        }

        if (!Permissions.CanEditFunding(user, partnershipId))
        {
            return EditResult<FundingPlan>.Forbidden("Only the partnership's support officers and administrators can record the Board's agreement of the funding plan.");
        }

        var plan = await PlanRowAsync(partnershipId, year, ct);
        if ((await CheckAgreementAsync(partnershipId, year, plan.AgreedOn, decidedOn, body, minute, ct)).Refused(out var fields, out EditResult<FundingPlan>? invalid))
        {
            return invalid;
        }

        var agreedBy = fields.Body ?? await db.BoardNameAsync(partnershipId, ct);
        return await db.SaveEditAsync(plan, plan.Id == 0 ? null : plan.Version, new EditSave(partnershipId, "funding plan")
        {
            Change = () =>
            {
                plan.AgreedOn = fields.DecidedOn;
                plan.AgreedBy = agreedBy;
                plan.AgreementMinute = fields.Minute;
            },
            Clash = "Someone else recorded the funding plan's agreement at the same moment. Reload the page to see it.",
        }, ct);
    }

    /// <summary>
    /// What is wrong with recording the Board's agreement of the year's plan as written, by field; nothing is saved.
    /// <paramref name="agreedOn"/> is when the plan was agreed already, if it was.
    /// </summary>
    public async Task<EditResult<ApprovalFields>> CheckAgreementAsync(int partnershipId, ReportingPeriod year, DateOnly? agreedOn, DateOnly? decidedOn, string? body, string? minute, CancellationToken ct = default)
    {
        var check = new FieldCheck();
        var date = decidedOn.GetValueOrDefault();
        if (agreedOn is { } agreed)
        {
            check.Add("DecidedOn", $"The {year.Display} funding plan was already agreed on {Dates.Display(agreed)}");
        }
        else if (decidedOn is null)
        {
            check.Add("DecidedOn", "Enter the date of the decision that agreed the funding plan");
        }
        else if (date > Today)
        {
            check.Add("DecidedOn", "The date of the decision must be today or in the past");
        }
        else if (!await db.Set<FundingStream>().AnyAsync(s => s.PartnershipId == partnershipId && s.YearStart == year.StartYear, ct))
        {
            check.Add("DecidedOn", "Add the year's funding streams before recording the plan's agreement");
        }

        var bodyName = check.Optional("Body", body, 200, "The body's name");
        var minuteReference = check.Optional("Minute", minute, 100, "The minute reference");
        return check.Result(() => new ApprovalFields(date, bodyName, minuteReference));
    }

    /// <summary>The year's plan row, added (not saved) when the year has none yet.</summary>
    private async Task<FundingPlan> PlanRowAsync(int partnershipId, ReportingPeriod year, CancellationToken ct)
    {
        var plan = await db.Set<FundingPlan>().FirstOrDefaultAsync(p => p.PartnershipId == partnershipId && p.YearStart == year.StartYear, ct);
        if (plan is null)
        {
            plan = new FundingPlan { PartnershipId = partnershipId, YearStart = year.StartYear };
            db.Add(plan);
        }

        return plan;
    }

    public async Task<EditResult<FundingStream>> AddStreamAsync(int partnershipId, ReportingPeriod year, StreamInput input, UserContext user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (Refusal<FundingStream>(partnershipId, user) is { } refused)
        {
            return refused;
        }

        var plan = await PlanRowAsync(partnershipId, year, ct);
        var stream = new FundingStream { PartnershipId = partnershipId, YearStart = year.StartYear, Name = "" };
        var checkedStream = CheckStream(input, plan.IsAgreed);
        if (checkedStream.Succeeded && await db.Set<FundingStream>().AnyAsync(s => s.PartnershipId == partnershipId && s.YearStart == year.StartYear && s.Name == checkedStream.Value.Name, ct))
        {
            checkedStream = checkedStream.WithError("Name", $"The {year.Display} funding plan already has a stream called {checkedStream.Value.Name}");
        }

        if (checkedStream.Refused(out var fields, out EditResult<FundingStream>? invalid))
        {
            db.ChangeTracker.Clear();
            return invalid;
        }

        db.Write(stream, fields);
        db.Add(stream);
        return await SaveAddedAsync(stream, plan, AmendedItem.FundingStream, stream.Name, false, input.AmendmentReason, user, ct);
    }

    public async Task<EditResult<FundingStream>> UpdateStreamAsync(int id, StreamInput input, int expectedVersion, UserContext user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var stream = await db.Set<FundingStream>().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (stream is null || !Permissions.CanReadFunding(user, stream.PartnershipId))
        {
            return EditResult<FundingStream>.NotFound($"There is no funding stream {id}.");
        }

        if (Refusal<FundingStream>(stream.PartnershipId, user) is { } refused)
        {
            return refused;
        }

        var plan = await PlanRowAsync(stream.PartnershipId, ReportingPeriod.Year(stream.YearStart), ct);
        var checkedStream = CheckStream(input, plan.IsAgreed);
        if (checkedStream.Succeeded && await db.Set<FundingStream>().AnyAsync(s => s.Id != id && s.PartnershipId == stream.PartnershipId && s.YearStart == stream.YearStart && s.Name == checkedStream.Value.Name, ct))
        {
            checkedStream = checkedStream.WithError("Name", $"The funding plan already has a stream called {checkedStream.Value.Name}");
        }

        if (checkedStream.Refused(out var fields, out EditResult<FundingStream>? invalid))
        {
            db.ChangeTracker.Clear();
            return invalid;
        }

        var before = stream.Name;
        return await db.SaveEditAsync(stream, expectedVersion, new EditSave(stream.PartnershipId, "funding stream")
        {
            Change = () =>
            {
                db.Write(stream, fields);
                Amend(plan, AmendedItem.FundingStream, stream, before == stream.Name ? before : $"{stream.Name} (was {before})", false, input.AmendmentReason, user);
            },
        }, ct);
    }

    /// <summary>What is wrong with a funding stream as written, by field, every error at once; nothing is saved.</summary>
    /// <param name="agreed">Whether the year's plan is agreed, so a change needs its reason.</param>
    public static EditResult<StreamFields> CheckStream(StreamInput input, bool agreed)
    {
        var check = new FieldCheck();
        var name = Required(check, "Name", input.Name, 200, "Enter the name of the funding stream, for example Safer Stronger Communities Fund");
        var funder = Optional(check, "Funder", input.Funder, 200);
        var amount = Money.Read(check.Errors, "Amount", input.Amount, input.Received == false ? "the amount expected" : "the amount received") ?? 0m;
        var received = check.Given("Received", input.Received, "Select whether the money has been received or is expected");
        var conditions = Optional(check, "Conditions", input.Conditions, 4000);
        if (agreed)
        {
            Amendments.CheckReason(check.Errors, input.AmendmentReason);
        }

        return check.Result(() => new StreamFields(name, funder, amount, received, conditions));
    }

    public async Task<EditResult<FundingAllocation>> AddAllocationAsync(int partnershipId, ReportingPeriod year, AllocationInput input, UserContext user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (Refusal<FundingAllocation>(partnershipId, user) is { } refused)
        {
            return refused;
        }

        var plan = await PlanRowAsync(partnershipId, year, ct);
        var allocation = new FundingAllocation { Name = "" };
        if ((await CheckAllocationAsync(partnershipId, year, input, plan.IsAgreed, ct)).Refused(out var fields, out EditResult<FundingAllocation>? invalid))
        {
            db.ChangeTracker.Clear();
            return invalid;
        }

        db.Write(allocation, fields);
        db.Add(allocation);
        return await SaveAddedAsync(allocation, plan, AmendedItem.FundingAllocation, allocation.Name, allocation.Marking == ProtectiveMarking.Restricted, input.AmendmentReason, user, ct);
    }

    public async Task<EditResult<FundingAllocation>> UpdateAllocationAsync(int id, AllocationInput input, int expectedVersion, UserContext user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var allocation = await db.Set<FundingAllocation>().Include(a => a.Stream).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (allocation is null || !Permissions.CanReadFunding(user, allocation.Stream.PartnershipId))
        {
            return EditResult<FundingAllocation>.NotFound($"There is no allocation {id}.");
        }

        var partnershipId = allocation.Stream.PartnershipId;
        if (Refusal<FundingAllocation>(partnershipId, user) is { } refused)
        {
            return refused;
        }

        var year = ReportingPeriod.Year(allocation.Stream.YearStart);
        var plan = await PlanRowAsync(partnershipId, year, ct);
        var checkedAllocation = await CheckAllocationAsync(partnershipId, year, input, plan.IsAgreed, ct);
        if (input.Marking is { } marking && !Permissions.MayChangeMarking(user, partnershipId, allocation.Marking, marking))
        {
            checkedAllocation = checkedAllocation.WithError("Marking", Permissions.LowerMarkingRefused);
        }

        if (checkedAllocation.Refused(out var fields, out EditResult<FundingAllocation>? invalid))
        {
            db.ChangeTracker.Clear();
            return invalid;
        }

        var before = allocation.Name;
        var restrictedBefore = allocation.Marking == ProtectiveMarking.Restricted;
        return await db.SaveEditAsync(allocation, expectedVersion, new EditSave(partnershipId, "allocation")
        {
            Change = () =>
            {
                db.Write(allocation, fields);
                Amend(plan, AmendedItem.FundingAllocation, allocation, before == allocation.Name ? before : $"{allocation.Name} (was {before})",
                    restrictedBefore || allocation.Marking == ProtectiveMarking.Restricted, input.AmendmentReason, user);
            },
        }, ct);
    }

    /// <summary>What is wrong with an allocation of the year's plan as written, by field, every error at once, or the allocation as checked; nothing is saved.</summary>
    /// <param name="agreed">Whether the year's plan is agreed, so a change needs its reason.</param>
    public async Task<EditResult<AllocationFields>> CheckAllocationAsync(int partnershipId, ReportingPeriod year, AllocationInput input, bool agreed, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var check = new FieldCheck();
        var streamId = check.Given("StreamId", input.StreamId, "Select the funding stream the money comes from");
        if (!check.Failed("StreamId"))
        {
            var stream = await db.Set<FundingStream>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == streamId, ct);
            if (stream is null || stream.PartnershipId != partnershipId)
            {
                check.Add("StreamId", "Select a funding stream of this partnership's funding plan");
            }
            else if (stream.YearStart != year.StartYear)
            {
                check.Add("StreamId", $"Select a funding stream of the {year.Display} funding plan; this one is in {ReportingPeriod.Year(stream.YearStart).Display}");
            }
        }

        var name = Required(check, "Name", input.Name, 200, "Enter the project's name, for example Home Security Project");
        var amount = Money.Read(check.Errors, "Amount", input.Amount, "the amount allocated") ?? 0m;
        var status = check.Given("Status", input.Status, "Select whether the allocation is provisional or confirmed");
        var note = Optional(check, "Note", input.Note, 200);
        var outcome = Optional(check, "Outcome", input.Outcome, 4000);
        var results = Optional(check, "Results", input.Results, 4000);
        var marking = check.Given("Marking", input.Marking, "Select the protective marking");
        var linked = new[] { input.PriorityId, input.ActionId, input.MilestoneId }.Count(i => i is not null);
        if (linked > 1)
        {
            check.Add("PriorityId", "Link the allocation to one priority, action or milestone, not more than one");
        }
        else if (linked == 1 && !await LinkIsInYearAsync(partnershipId, year, input, ct))
        {
            var field = input.PriorityId is not null ? "PriorityId" : input.ActionId is not null ? "ActionId" : "MilestoneId";
            check.Add(field, $"Select a priority, action or milestone of this partnership's {year.Display} plan");
        }

        if (agreed)
        {
            Amendments.CheckReason(check.Errors, input.AmendmentReason);
        }

        return check.Result(() => new AllocationFields(streamId, name, amount, status, note, input.PriorityId, input.ActionId, input.MilestoneId, outcome, results, marking));
    }

    private Task<bool> LinkIsInYearAsync(int partnershipId, ReportingPeriod year, AllocationInput input, CancellationToken ct) =>
        input.PriorityId is { } p ? db.Priorities.AnyAsync(x => x.Id == p && x.Edition.YearStart == year.StartYear && x.Edition.Plan.PartnershipId == partnershipId, ct)
        : input.ActionId is { } a ? db.Actions.AnyAsync(x => x.Id == a && x.Priority.Edition.YearStart == year.StartYear && x.Priority.Edition.Plan.PartnershipId == partnershipId, ct)
        : db.Milestones.AnyAsync(x => x.Id == input.MilestoneId && x.Action.Priority.Edition.YearStart == year.StartYear && x.Action.Priority.Edition.Plan.PartnershipId == partnershipId, ct);

    /// <summary>Adds a payment against an allocation of the partnership's funding plan for <paramref name="year"/>.</summary>
    public async Task<EditResult<FundingSpend>> AddSpendingAsync(int partnershipId, ReportingPeriod year, SpendInput input, UserContext user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!Permissions.CanReadFunding(user, partnershipId))
        {
            return EditResult<FundingSpend>.NotFound("There is no such funding plan.");
        }

        var (allocation, checkedSpend) = await CheckSpendAsync(partnershipId, year, input, null, ct);
        if (allocation is not null && !Permissions.CanRecordSpending(user, partnershipId, LeadOfficers(allocation)))
        {
            return EditResult<FundingSpend>.Forbidden("Only the partnership's support officers and the lead officer of what the allocation is for can record its spending.");
        }

        if (checkedSpend.Refused(out var fields, out EditResult<FundingSpend>? invalid))
        {
            return invalid;
        }

        var spend = new FundingSpend { PartnershipId = partnershipId, Purchase = "", TransactionId = "" };
        db.Write(spend, fields, nameof(fields.TransactionId));
        spend.TransactionId = fields.TransactionId ?? await NextTransactionIdAsync(partnershipId, year, ct);
        db.Add(spend);
        return await db.SaveEditAsync(spend, null, new EditSave(partnershipId, "payment")
        {
            Clash = $"Transaction {spend.TransactionId} has already been recorded. Give this payment its own transaction id.",
        }, ct);
    }

    public async Task<EditResult<FundingSpend>> UpdateSpendingAsync(int id, SpendInput input, int expectedVersion, UserContext user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var spend = await db.Set<FundingSpend>().Include(s => s.Allocation).ThenInclude(a => a.Stream).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (spend is null || !Permissions.CanReadFunding(user, spend.PartnershipId))
        {
            return EditResult<FundingSpend>.NotFound($"There is no payment {id}.");
        }

        if (await SpendingChangeRefusalAsync(spend, user, ct) is { } refusal)
        {
            return EditResult<FundingSpend>.Forbidden(refusal);
        }

        var year = ReportingPeriod.Year(spend.Allocation.Stream.YearStart);
        var (allocation, checkedSpend) = await CheckSpendAsync(spend.PartnershipId, year, input with { AllocationId = input.AllocationId ?? spend.AllocationId }, id, ct);
        if (allocation is not null && !Permissions.CanRecordSpending(user, spend.PartnershipId, LeadOfficers(allocation)))
        {
            return EditResult<FundingSpend>.Forbidden("Only the partnership's support officers and the lead officer of what the allocation is for can change its spending.");
        }

        if (checkedSpend.Refused(out var fields, out EditResult<FundingSpend>? invalid))
        {
            return invalid;
        }

        return await db.SaveEditAsync(spend, expectedVersion, new EditSave(spend.PartnershipId, "payment")
        {
            Change = () =>
            {
                db.Write(spend, fields, nameof(fields.TransactionId));
                spend.TransactionId = fields.TransactionId ?? spend.TransactionId;
            },
            Clash = $"Transaction {fields.TransactionId} has already been recorded. Give this payment its own transaction id.",
        }, ct);
    }

    private Task<FundingAllocation?> AllocationWithLeadsAsync(int id, CancellationToken ct) =>
        db.Set<FundingAllocation>().AsNoTracking().Include(a => a.Stream)
            .Include(a => a.Priority)
            .Include(a => a.Action).ThenInclude(a => a!.Priority)
            .Include(a => a.Milestone).ThenInclude(m => m!.Action).ThenInclude(a => a.Priority)
            .FirstOrDefaultAsync(a => a.Id == id, ct);

    /// <summary>What is wrong with a payment as written (<paramref name="spendId"/> when it changes one), by field, every error at once; nothing is saved.</summary>
    public async Task<IReadOnlyDictionary<string, string>> CheckSpendingAsync(int partnershipId, ReportingPeriod year, SpendInput input, int? spendId, CancellationToken ct = default) =>
        (await CheckSpendAsync(partnershipId, year, input, spendId, ct)).Fields.Errors;

    /// <summary>The allocation paid from (when it is this partnership's and year's) and the payment as checked, or what is wrong with it by field.</summary>
    private async Task<(FundingAllocation? Allocation, EditResult<SpendFields> Fields)> CheckSpendAsync(int partnershipId, ReportingPeriod year, SpendInput input, int? spendId, CancellationToken ct)
    {
        var check = new FieldCheck();
        FundingAllocation? allocation = null;
        var allocationId = check.Given("AllocationId", input.AllocationId, "Select the allocation the money was spent from");
        if (!check.Failed("AllocationId"))
        {
            allocation = await AllocationWithLeadsAsync(allocationId, ct);
            if (allocation is null || allocation.Stream.PartnershipId != partnershipId)
            {
                check.Add("AllocationId", "Select an allocation of this partnership's funding plan: spending cannot be recorded against another partnership's allocation");
                allocation = null;
            }
            else if (allocation.Stream.YearStart != year.StartYear)
            {
                check.Add("AllocationId", $"Select an allocation of the {year.Display} funding plan: this one is in {ReportingPeriod.Year(allocation.Stream.YearStart).Display}");
                allocation = null;
            }
        }

        var spentOn = check.Given("SpentOn", input.SpentOn, "Enter the date of the payment");
        if (!check.Failed("SpentOn") && PaymentDateRefusal(spentOn, year, Today, "The date of the payment") is { } wrongDate)
        {
            check.Add("SpentOn", wrongDate);
        }

        var amount = Money.Read(check.Errors, "Amount", input.Amount, "the amount spent") ?? 0m;
        var payee = Optional(check, "Payee", input.Payee, 200);
        if (input.PayeeIsPublic == true && string.IsNullOrWhiteSpace(input.Payee))
        {
            check.Add("Payee", "Enter who was paid, or say the payee may not be published");
        }
        else if (input.PayeeIsPublic is null)
        {
            check.Add("PayeeIsPublic", "Select whether the payee's name may be published");
        }

        var purchase = Required(check, "Purchase", input.Purchase, 4000, "Enter what the money bought");
        var transaction = Clean(input.TransactionId);
        if (transaction?.Length > Money.TransactionIdLength)
        {
            check.Add("TransactionId", $"The transaction id must be {Money.TransactionIdLength} characters or fewer");
        }
        else if (transaction is not null && await db.Set<FundingSpend>().AnyAsync(s => s.PartnershipId == partnershipId && s.TransactionId == transaction && s.Id != spendId, ct))
        {
            check.Add("TransactionId", $"Transaction {transaction} has already been recorded. Give this payment its own transaction id");
        }

        return (allocation, check.Result(() => new SpendFields(allocationId, spentOn, amount, payee, input.PayeeIsPublic == true, purchase, transaction)));
    }

    /// <summary>
    /// The rule for a payment's date, however the payment comes (the form, the API, a spending file): within the financial
    /// year of the plan it is recorded in, 1 April to 31 March, and not after today. Why <paramref name="date"/> is refused,
    /// naming it as <paramref name="named"/> ("The date of the payment", "the date 10/05/2015"), or null when it is taken.
    /// </summary>
    public static string? PaymentDateRefusal(DateOnly date, ReportingPeriod year, DateOnly today, string named) =>
        date < year.Start || date > year.End ? $"{named} is outside {year.Display} ({Dates.Display(year.Start)} to {Dates.Display(year.End)})"
        : date > today ? $"{named} must be today or in the past"
        : null;

    /// <summary>
    /// Records every line of a spending file (see <see cref="SpendingCsv"/>) against the year's allocations, or none: any wrong
    /// line refuses the whole file, each refusal keyed "Line n". Returns how many payments were recorded.
    /// </summary>
    public async Task<EditResult<int>> ImportSpendingAsync(int partnershipId, ReportingPeriod year, TextReader file, UserContext user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (Refusal<int>(partnershipId, user) is { } refused)
        {
            return refused;
        }

        var partnership = await db.Partnerships.AsNoTracking().FirstAsync(p => p.Id == partnershipId, ct);
        var (rows, unreadable) = SpendingCsv.Read(file);
        if (rows.Count == 0 && unreadable.Count == 0)
        {
            return EditResult<int>.Invalid("Line 1", "Line 1: The file has a header but no spending lines");
        }

        var allocations = await db.Set<FundingAllocation>().AsNoTracking().Include(a => a.Stream)
            .Where(a => a.Stream.PartnershipId == partnershipId && a.Stream.YearStart == year.StartYear).ToListAsync(ct);
        var recorded = (await db.Set<FundingSpend>().Where(s => s.PartnershipId == partnershipId).Select(s => s.TransactionId).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var lines = new SpendingLines(partnership, allocations, year, recorded, Today);
        var wrong = unreadable.ToList();
        var payments = new List<FundingSpend>();
        foreach (var row in rows)
        {
            var (payment, problems) = lines.Check(row);
            if (problems.Count > 0)
            {
                wrong.Add(new SpendingCsvRefusal(row.Line, string.Join("; ", problems)));
                continue;
            }

            payments.Add(payment!);
        }

        if (wrong.Count > 0)
        {
            return EditResult<int>.Invalid(wrong.OrderBy(w => w.Line).ToDictionary(w => $"Line {w.Line}", w => $"Line {w.Line}: {w.Reason}"));
        }

        db.AddRange(payments);
        db.AuditPartnershipId = partnershipId;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return EditResult<int>.Conflict("Someone else recorded some of these transactions at the same moment. Nothing from the file has been saved: check the spending and send it again.");
        }

        return EditResult<int>.Ok(payments.Count);
    }

    /// <summary>
    /// Checks the lines of one spending file against the year's allocations and the transactions already recorded (and
    /// those earlier in the file), turning each good line into a payment and each wrong one into its problems.
    /// </summary>
    private sealed class SpendingLines(Partnership partnership, List<FundingAllocation> allocations, ReportingPeriod year, HashSet<string> recorded, DateOnly today)
    {
        private readonly HashSet<string> inFile = new(StringComparer.Ordinal);

        public (FundingSpend? Payment, List<string> Problems) Check(SpendingCsv.Row row)
        {
            var problems = new List<string>();
            if (!string.Equals(row.Body, partnership.Name, StringComparison.OrdinalIgnoreCase) && !string.Equals(row.Body, partnership.ShortName, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"the body is \"{row.Body}\", not {partnership.Name}");
            }

            var date = SpendingCsv.ReadDate(row.Date);
            if (date is null)
            {
                problems.Add($"the date \"{row.Date}\" is not a date like 15/04/2012");
            }
            else if (PaymentDateRefusal(date.Value, year, today, $"the date {row.Date}") is { } wrongDate)
            {
                problems.Add(wrongDate);
            }

            var allocation = allocations
                .Where(a => string.Equals(a.Stream.Name, row.ExpenseType, StringComparison.OrdinalIgnoreCase)
                    && row.Description.StartsWith(a.Name + ":", StringComparison.OrdinalIgnoreCase))
                .OrderByDescending(a => a.Name.Length).FirstOrDefault();
            if (allocation is null)
            {
                problems.Add($"no allocation of the {year.Display} funding plan matches the expense type \"{row.ExpenseType}\" (a funding stream) and the description \"{row.Description}\" (which starts with the project's name and a colon)");
            }

            var amountErrors = new Dictionary<string, string>();
            var amount = Money.Read(amountErrors, "Amount", row.Amount, "the amount");
            if (amount is null)
            {
                problems.Add(amountErrors["Amount"].Replace("Enter the amount", "the amount must be given", StringComparison.Ordinal));
            }

            CheckTransaction(row.TransactionId, problems);
            var purchase = allocation is null ? row.Description : row.Description[(allocation.Name.Length + 1)..].Trim();
            if (allocation is not null && purchase.Length == 0)
            {
                problems.Add("the description does not say what the money bought after the project's name");
            }

            return problems.Count > 0 ? (null, problems) : (Payment(partnership.Id, row, allocation!, date!.Value, amount!.Value, purchase), problems);
        }

        private void CheckTransaction(string transactionId, List<string> problems)
        {
            if (transactionId.Length == 0)
            {
                problems.Add("the transaction number is missing");
            }
            else if (transactionId.Length > Money.TransactionIdLength)
            {
                problems.Add($"the transaction number is longer than {Money.TransactionIdLength} characters");
            }
            else if (recorded.Contains(transactionId))
            {
                problems.Add($"transaction {transactionId} has already been recorded");
            }
            else if (!inFile.Add(transactionId))
            {
                problems.Add($"transaction {transactionId} appears twice in the file");
            }
        }
    }

    /// <summary>A checked line of a spending file as a payment; a redacted supplier is kept off the public record.</summary>
    private static FundingSpend Payment(int partnershipId, SpendingCsv.Row row, FundingAllocation allocation, DateOnly date, decimal amount, string purchase)
    {
        var redacted = SpendingCsv.IsRedacted(row.Supplier);
        return new FundingSpend
        {
            PartnershipId = partnershipId,
            AllocationId = allocation.Id,
            SpentOn = date,
            Amount = amount,
            Payee = redacted ? null : row.Supplier,
            PayeeIsPublic = !redacted,
            Purchase = purchase.Length > 4000 ? purchase[..4000] : purchase,
            TransactionId = row.TransactionId,
        };
    }

    /// <summary>Why a stream with allocations is kept: its allocations' money would go with it, so they are deleted or moved first.</summary>
    public static string StreamInUse(string name, int allocations) =>
        $"{name} still has {allocations} allocation{(allocations == 1 ? "" : "s")}. Delete them, or move them to another stream, before deleting the stream";

    /// <summary>Why an allocation with spending is kept: payments already made are not lost with it, so they are deleted or moved first.</summary>
    public static string AllocationInUse(string name, int payments) =>
        $"{name} has {payments} payment{(payments == 1 ? "" : "s")} recorded against it. Delete them, or move them to another allocation, before deleting the allocation";

    /// <summary>
    /// Deletes a stream of the year's plan, which must have no allocations left; once the plan is agreed, only with an
    /// amendment reason, recorded with it.
    /// </summary>
    public async Task<EditResult<FundingStream>> DeleteStreamAsync(int id, int expectedVersion, string? amendmentReason, UserContext user, CancellationToken ct = default)
    {
        var stream = await db.Set<FundingStream>().Include(s => s.Allocations).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (stream is null || !Permissions.CanReadFunding(user, stream.PartnershipId))
        {
            return EditResult<FundingStream>.NotFound($"There is no funding stream {id}.");
        }

        if (Refusal<FundingStream>(stream.PartnershipId, user) is { } refused)
        {
            return refused;
        }

        var errors = new Dictionary<string, string>();
        if (stream.Allocations.Count > 0)
        {
            errors["Allocations"] = StreamInUse(stream.Name, stream.Allocations.Count);
        }

        return await DeleteAsync(stream, expectedVersion, stream.PartnershipId, ReportingPeriod.Year(stream.YearStart), AmendedItem.FundingStream, stream.Name, false, errors, amendmentReason, user, ct);
    }

    /// <summary>
    /// Deletes an allocation, which must have no spending recorded against it; once the plan is agreed, only with an
    /// amendment reason, recorded with it.
    /// </summary>
    public async Task<EditResult<FundingAllocation>> DeleteAllocationAsync(int id, int expectedVersion, string? amendmentReason, UserContext user, CancellationToken ct = default)
    {
        var allocation = await db.Set<FundingAllocation>().Include(a => a.Stream).Include(a => a.Spending).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (allocation is null || !Permissions.CanReadFunding(user, allocation.Stream.PartnershipId))
        {
            return EditResult<FundingAllocation>.NotFound($"There is no allocation {id}.");
        }

        if (Refusal<FundingAllocation>(allocation.Stream.PartnershipId, user) is { } refused)
        {
            return refused;
        }

        var errors = new Dictionary<string, string>();
        if (allocation.Spending.Count > 0)
        {
            errors["Spending"] = AllocationInUse(allocation.Name, allocation.Spending.Count);
        }

        var restricted = IsRestricted((await AllocationWithLeadsAsync(id, ct))!);
        return await DeleteAsync(allocation, expectedVersion, allocation.Stream.PartnershipId, ReportingPeriod.Year(allocation.Stream.YearStart), AmendedItem.FundingAllocation, allocation.Name, restricted, errors, amendmentReason, user, ct);
    }

    /// <summary>Removes a stream or allocation from the year's plan, with its amendment in the same save once the plan is agreed.</summary>
    private async Task<EditResult<T>> DeleteAsync<T>(T item, int expectedVersion, int partnershipId, ReportingPeriod year, AmendedItem kind, string reference, bool restricted,
        Dictionary<string, string> errors, string? reason, UserContext user, CancellationToken ct)
        where T : class, IVersioned
    {
        var plan = await PlanRowAsync(partnershipId, year, ct);
        if (plan.IsAgreed)
        {
            Amendments.CheckReason(errors, reason);
        }

        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return EditResult<T>.Invalid(errors);
        }

        return await db.SaveEditAsync(item, expectedVersion, new EditSave(partnershipId, kind == AmendedItem.FundingStream ? "funding stream" : "allocation")
        {
            Change = () =>
            {
                db.Remove(item);
                if (plan.IsAgreed)
                {
                    db.Amendments.Add(NewAmendment(plan, kind, item.Id, reference, "deleted", restricted, reason, user));
                }
            },
        }, ct);
    }

    /// <summary>
    /// Why <paramref name="user"/> may not change or delete the payment, or null when they may (see
    /// <see cref="Permissions.CanChangeSpending"/>): a lead officer only the payments they recorded.
    /// </summary>
    public async Task<string?> SpendingChangeRefusalAsync(FundingSpend spend, UserContext user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(spend);
        var allocation = await AllocationWithLeadsAsync(spend.AllocationId, ct);
        var recordedBy = (await RecordedByAsync([spend.Id], ct)).GetValueOrDefault(spend.Id);
        return Permissions.CanChangeSpending(user, spend.PartnershipId, LeadOfficers(allocation!), recordedBy) ? null : SpendingChangeRefused;
    }

    private const string SpendingChangeRefused =
        "Only the partnership's support officers can change or delete this payment: a lead officer can change or delete only the payments they recorded for what they lead.";

    /// <summary>
    /// Who recorded each of the payments (their user id, from the audit trail; the latest record of its adding, should an id
    /// have been used before): none for a payment the demo loaded.
    /// </summary>
    private async Task<Dictionary<int, string?>> RecordedByAsync(IEnumerable<int> spendIds, CancellationToken ct)
    {
        var ids = spendIds.ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var created = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(FundingSpend) && a.Action == AuditAction.Created && ids.Contains(a.EntityId))
            .OrderByDescending(a => a.Id).Select(a => new { a.EntityId, a.UserId }).ToListAsync(ct);
        return created.GroupBy(a => a.EntityId).ToDictionary(g => g.Key, g => g.First().UserId);
    }

    /// <summary>Deletes a payment. Spending is the year's account rather than the plan the Board agreed, so, as its edits, no amendment is asked for.</summary>
    public async Task<EditResult<FundingSpend>> DeleteSpendingAsync(int id, int expectedVersion, UserContext user, CancellationToken ct = default)
    {
        var spend = await db.Set<FundingSpend>().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (spend is null || !Permissions.CanReadFunding(user, spend.PartnershipId))
        {
            return EditResult<FundingSpend>.NotFound($"There is no payment {id}.");
        }

        if (await SpendingChangeRefusalAsync(spend, user, ct) is { } refusal)
        {
            return EditResult<FundingSpend>.Forbidden(refusal);
        }

        return await db.SaveEditAsync(spend, expectedVersion, new EditSave(spend.PartnershipId, "payment") { Change = () => db.Remove(spend) }, ct);
    }

    /// <summary>"2010-11-0007": the year and the payment's place among the partnership's payments of that year.</summary>
    private async Task<string> NextTransactionIdAsync(int partnershipId, ReportingPeriod year, CancellationToken ct)
    {
        var prefix = $"{year.Slug}-";
        var taken = await db.Set<FundingSpend>().Where(s => s.PartnershipId == partnershipId && s.TransactionId.StartsWith(prefix)).Select(s => s.TransactionId).ToListAsync(ct);
        var last = taken.Select(t => int.TryParse(t.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).DefaultIfEmpty(0).Max();
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}{last + 1:0000}");
    }

    /// <summary>Saves an item added to the year's plan; once the plan is agreed, with its amendment in the same transaction.</summary>
    private async Task<EditResult<T>> SaveAddedAsync<T>(T item, FundingPlan plan, AmendedItem kind, string reference, bool restricted, string? reason, UserContext user, CancellationToken ct)
        where T : class, IVersioned
    {
        var partnershipId = plan.PartnershipId;
        var save = new EditSave(partnershipId, kind == AmendedItem.FundingStream ? "funding stream" : "allocation")
        {
            Clash = "Someone else added the same thing at the same moment. Reload the page to see it.",
        };
        if (!plan.IsAgreed)
        {
            return await db.SaveEditAsync(item, null, save, ct);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var saved = await db.SaveEditAsync(item, null, save, ct);
        if (!saved.Succeeded)
        {
            return saved;
        }

        db.Amendments.Add(NewAmendment(plan, kind, item.Id, reference, "added", restricted, reason, user));
        db.AuditPartnershipId = partnershipId;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return saved;
    }

    /// <summary>Records a change to an agreed plan's item as an amendment naming the fields changed; nothing for a plan not yet agreed.</summary>
    private void Amend(FundingPlan plan, AmendedItem kind, object item, string reference, bool restricted, string? reason, UserContext user)
    {
        if (!plan.IsAgreed || Amendments.ChangedFields(db, item) is not { Length: > 0 } changes)
        {
            return;
        }

        db.Amendments.Add(NewAmendment(plan, kind, ((IVersioned)item).Id, reference, changes, restricted, reason, user));
    }

    private Amendment NewAmendment(FundingPlan plan, AmendedItem kind, int itemId, string reference, string changes, bool restricted, string? reason, UserContext user) =>
        Amendments.New(AmendedRecord.FundingPlan, plan.Id, plan.PartnershipId, new(kind, itemId, reference, changes, restricted), reason, user, time.GetUtcNow());

    /// <summary>The agreed plan's amendments, newest first: for the partnership's members.</summary>
    public async Task<IReadOnlyList<Amendment>> AmendmentsAsync(FundingPlan plan, UserContext user, CancellationToken ct = default) =>
        Permissions.CanReadAmendments(user, plan.PartnershipId)
            ? await db.Amendments.AsNoTracking().Where(a => a.Record == AmendedRecord.FundingPlan && a.RecordId == plan.Id).OrderByDescending(a => a.Id).ToListAsync(ct)
            : [];

    private static EditResult<T>? Refusal<T>(int partnershipId, UserContext user) =>
        !Permissions.CanReadFunding(user, partnershipId) ? EditResult<T>.NotFound("There is no such funding plan.")
        : !Permissions.CanEditFunding(user, partnershipId) ? EditResult<T>.Forbidden("Only the partnership's support officers and administrators can change its funding plan.")
        : null;

    private static string Required(FieldCheck check, string field, string? text, int length, string missing) =>
        check.Required(field, text, length, missing, FieldName(field));

    private static string? Optional(FieldCheck check, string field, string? text, int length) => check.Optional(field, text, length, FieldName(field));

    private static string FieldName(string field) => field switch
    {
        "Name" => "The name",
        "Funder" => "The funder",
        "Conditions" => "The conditions",
        "Note" => "The note",
        "Outcome" => "What the money is for",
        "Results" => "The results so far",
        "Payee" => "The payee",
        "Purchase" => "What the money bought",
        _ => field,
    };

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
