namespace SaferPlan.Core.Meetings;

/// <summary>
/// A meeting as a support officer sets it: its body, financial year, date, start time, place and whether it is public (when
/// not said: as it was, or for a new meeting as its body meets, see <see cref="MeetingEditor.IsPublicByDefault"/>).
/// </summary>
public sealed record MeetingInput(int? BodyId, ReportingPeriod? Year, DateOnly? MeetsOn, TimeOnly? StartsAt, string? Place, bool? IsPublic);

public sealed record AgendaItemInput(string? Title, PaperKind Paper, string? PaperKey);

public sealed record DecisionInput(string? Text, string? Minute, DecisionKind Kind, string? SubjectKey);

/// <summary>A meeting as checked: what an add or change writes; <paramref name="IsPublic"/> is null where the input left it as it was.</summary>
public sealed record MeetingFields(int BodyId, ReportingPeriod Year, DateOnly MeetsOn, TimeOnly StartsAt, string? Place, bool? IsPublic);

/// <summary>
/// A decision as checked: its text and minute, and what it is about — an edition (<paramref name="EditionId"/>, for an
/// approval or priorities set) or a year's funding plan (<paramref name="FundingYear"/>), named by <paramref name="SubjectKey"/>.
/// </summary>
public sealed record DecisionFields(string Text, string? Minute, DecisionKind Kind, string? SubjectKey, int? EditionId, ReportingPeriod? FundingYear);

/// <summary>An agenda item as checked; <paramref name="PaperKey"/> is null for an item with no paper.</summary>
public sealed record AgendaItemFields(string Title, PaperKind Paper, string? PaperKey);

/// <summary>
/// Keeps a partnership's meetings: generates a year's from the bodies' cadences, adds, moves and cancels meetings, and adds
/// agenda items and decisions. Support officers and administrators only (<see cref="Permissions.CanEditMeetings"/>). A meeting
/// belongs to one financial year and must fall in it. Moving or cancelling bumps the meeting's <see cref="Meeting.Sequence"/>.
/// </summary>
public sealed class MeetingEditor(SaferPlanDbContext db, EditionService editions, Funding.FundingService funding, TimeProvider time)
{
    public const int PlaceLength = 200;
    public const int TitleLength = 300;
    public const int DecisionLength = 2000;

    private const string Refused = "Only the partnership's support officers and administrators can change its meetings.";

    /// <summary>
    /// Adds the year's meetings the cadences of the partnership's bodies ask for (see <see cref="MeetingSchedule"/>), skipping
    /// every slot already there, moved or cancelled ones too: running it twice adds nothing. A meeting dated before the
    /// partnership was set up, or already past in the year under way (<see cref="GenerationStart"/>), is left out. Returns how
    /// many were added and how many left out, and why.
    /// </summary>
    public async Task<EditResult<GeneratedYear>> GenerateYearAsync(int partnershipId, ReportingPeriod year, UserContext user, CancellationToken ct = default)
    {
        if (!Permissions.CanEditMeetings(user, partnershipId))
        {
            return EditResult<GeneratedYear>.Forbidden(Refused);
        }

        var start = await GenerationStart.ForAsync(db, partnershipId, year, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), ct);
        var (added, leftOut) = await AddScheduleAsync(db, partnershipId, year.FinancialYear, ct, start?.From);
        if (added > 0)
        {
            db.AuditPartnershipId = partnershipId;
            await db.SaveChangesAsync(ct);
        }

        return EditResult<GeneratedYear>.Ok(new GeneratedYear(added, leftOut, start?.From, start?.Why));
    }

    /// <summary>
    /// Adds the schedule's missing meetings to the context without saving (the demo loader saves them with the rest); those
    /// dated before <paramref name="from"/>, when given, are left out and counted.
    /// </summary>
    internal static async Task<(int Added, int LeftOut)> AddScheduleAsync(SaferPlanDbContext db, int partnershipId, ReportingPeriod year, CancellationToken ct, DateOnly? from = null)
    {
        var bodies = await db.Bodies.Where(b => b.Partnerships.Any(p => p.Id == partnershipId))
            .Select(b => new { Body = b, Serves = b.Partnerships.Count }).ToListAsync(ct);
        var ownBoard = await db.Partnerships.Where(p => p.Id == partnershipId).Select(p => p.BoardId).FirstOrDefaultAsync(ct);
        var slots = (await db.Set<Meeting>().Where(m => m.PartnershipId == partnershipId && m.YearStart == year.StartYear && m.ScheduleSlot != null)
                .Select(m => new { m.BodyId, m.ScheduleSlot }).ToListAsync(ct))
            .Select(s => (s.BodyId, s.ScheduleSlot!)).ToHashSet();
        var (added, leftOut) = (0, 0);
        foreach (var (body, serves) in bodies.Select(b => (b.Body, b.Serves)))
        {
            foreach (var s in MeetingSchedule.For(body.Cadence, year))
            {
                if (slots.Contains((body.Id, s.Slot)))
                {
                    continue;
                }

                if (s.MeetsOn < from)
                {
                    leftOut++;
                    continue;
                }

                slots.Add((body.Id, s.Slot));

                var meeting = new Meeting
                {
                    PartnershipId = partnershipId, BodyId = body.Id, YearStart = year.StartYear, MeetsOn = s.MeetsOn, StartsAt = s.StartsAt,
                    IsPublic = IsPublicByDefault(body), ScheduleSlot = s.Slot,
                };
                if (body.Cadence == MeetingCadence.Quarterly && IsOwnBoard(body, ownBoard, serves))
                {
                    var quarter = MeetingSchedule.QuarterReceived(s.MeetsOn);
                    meeting.Agenda.Add(new AgendaItem { SortOrder = 1, Title = $"Performance report, {quarter.Display}", Paper = PaperKind.BoardReport, PaperKey = quarter.Slug });
                }

                db.Add(meeting);
                added++;
            }
        }

        return (added, leftOut);
    }

    /// <summary>
    /// Whether the body is the partnership's own Board, whose meetings receive the partnership's Board report: the body the
    /// partnership names as its board (<see cref="Partnership.BoardId"/>), or while it names none, a Board serving this
    /// partnership alone. A county-wide board (the Domestic Abuse Partnership) sends its own briefing and receives none.
    /// </summary>
    public static bool IsOwnBoard(Body body, int? partnershipBoardId, int partnershipsServed)
    {
        ArgumentNullException.ThrowIfNull(body);
        return partnershipBoardId is { } board ? body.Id == board : body.Kind == BodyKind.Board && partnershipsServed == 1;
    }

    /// <summary>Boards and the scrutiny committee meet in public; executive and task groups discuss cases, so they do not.</summary>
    public static bool IsPublicByDefault(Body body) => body.Kind is BodyKind.Board or BodyKind.Scrutiny;

    public async Task<EditResult<Meeting>> AddAsync(int partnershipId, MeetingInput input, UserContext user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!Permissions.CanEditMeetings(user, partnershipId))
        {
            return EditResult<Meeting>.Forbidden(Refused);
        }

        if ((await CheckAsync(partnershipId, input, ct)).Refused(out var fields, out EditResult<Meeting>? invalid))
        {
            return invalid;
        }

        var body = await db.Bodies.AsNoTracking().FirstAsync(b => b.Id == fields.BodyId, ct);
        var meeting = new Meeting { PartnershipId = partnershipId, BodyId = body.Id, YearStart = fields.Year.StartYear, IsPublic = IsPublicByDefault(body) };
        Apply(meeting, fields);
        db.Add(meeting);
        return await db.SaveEditAsync(meeting, null, new EditSave(partnershipId, "meeting"), ct);
    }

    /// <summary>Changes a meeting; a new date, time or place (a move) bumps its calendar sequence. Its year stays its own.</summary>
    public async Task<EditResult<Meeting>> UpdateAsync(int id, MeetingInput input, int? expectedVersion, UserContext user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if ((await EditableAsync(id, user, ct, tracked: true)).Refused(out var meeting, out var refusal))
        {
            return refusal;
        }

        if (meeting.IsCancelled)
        {
            return EditResult<Meeting>.Invalid("MeetsOn", "This meeting was cancelled: add a new meeting instead");
        }

        input = input with { Year = input.Year ?? meeting.Year, BodyId = input.BodyId ?? meeting.BodyId };
        var checkedMeeting = await CheckAsync(meeting.PartnershipId, input, ct);
        if (input.Year.Value.StartYear != meeting.YearStart)
        {
            checkedMeeting = checkedMeeting.WithError("Year", $"This meeting belongs to {meeting.Year.Display}: add a meeting to another year instead of moving this one");
        }

        if (checkedMeeting.Refused(out var fields, out refusal))
        {
            return refusal;
        }

        return await db.SaveEditAsync(meeting, expectedVersion, new EditSave(meeting.PartnershipId, "meeting")
        {
            Change = () =>
            {
                var moved = meeting.MeetsOn != fields.MeetsOn || meeting.StartsAt != fields.StartsAt || (meeting.Place ?? "") != (fields.Place ?? "");
                Apply(meeting, fields);
                if (moved)
                {
                    meeting.Sequence++;
                }
            },
        }, ct);
    }

    /// <summary>Cancels a meeting: it stays, marked cancelled, so calendars show it cancelled rather than losing it.</summary>
    public async Task<EditResult<Meeting>> CancelAsync(int id, int? expectedVersion, UserContext user, CancellationToken ct = default)
    {
        if ((await EditableAsync(id, user, ct, tracked: true)).Refused(out var meeting, out var refusal))
        {
            return refusal;
        }

        if (meeting.IsCancelled)
        {
            return EditResult<Meeting>.Ok(meeting);
        }

        return await db.SaveEditAsync(meeting, expectedVersion, new EditSave(meeting.PartnershipId, "meeting")
        {
            Change = () =>
            {
                meeting.IsCancelled = true;
                meeting.Sequence++;
            },
        }, ct);
    }

    public async Task<EditResult<AgendaItem>> AddAgendaItemAsync(int meetingId, AgendaItemInput input, UserContext user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if ((await EditableAsync(meetingId, user, ct)).Refused(out var meeting, out EditResult<AgendaItem>? refusal))
        {
            return refusal;
        }

        if (CheckAgendaItem(input).Refused(out var fields, out refusal))
        {
            return refusal;
        }

        var order = await db.Set<AgendaItem>().Where(a => a.MeetingId == meetingId).Select(a => (int?)a.SortOrder).MaxAsync(ct) ?? 0;
        var item = new AgendaItem { MeetingId = meeting.Id, SortOrder = order + 1, Title = fields.Title, Paper = fields.Paper, PaperKey = fields.PaperKey };
        db.Add(item);
        db.AuditPartnershipId = meeting.PartnershipId;
        await db.SaveChangesAsync(ct);
        return EditResult<AgendaItem>.Ok(item);
    }

    /// <summary>
    /// Records a decision of the meeting. An <see cref="DecisionKind.ApproveEdition"/> decision approves the edition through
    /// <see cref="EditionService.ApproveAsync"/> in the same save, dated the meeting's day and minuted with its minute; if the
    /// approval is refused, so is the decision; recording an AgreeFundingPlan decision agrees the year's funding plan
    /// (see Funding.FundingService.AgreeAsync) the same way. The other kinds are recorded only.
    /// </summary>
    public async Task<EditResult<MeetingDecision>> RecordDecisionAsync(int meetingId, DecisionInput input, UserContext user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if ((await EditableAsync(meetingId, user, ct)).Refused(out var meeting, out EditResult<MeetingDecision>? refusal))
        {
            return refusal;
        }

        if ((await CheckDecisionAsync(meeting.PartnershipId, input, ct)).Refused(out var fields, out refusal))
        {
            return refusal;
        }

        var decision = new MeetingDecision { MeetingId = meeting.Id, Text = fields.Text, Minute = fields.Minute, Kind = fields.Kind, SubjectKey = fields.SubjectKey };
        db.Add(decision);
        if (fields is { Kind: DecisionKind.ApproveEdition, EditionId: not null } or { Kind: DecisionKind.AgreeFundingPlan, FundingYear: not null })
        {
            // What the decision decides is done in the same save: the edition approved, or the year's funding plan agreed.
            var bodyName = await db.Bodies.Where(b => b.Id == meeting.BodyId).Select(b => b.Name).FirstAsync(ct);
            var refused = fields.EditionId is { } editionId
                ? RefusalOf(await editions.ApproveAsync(editionId, new ApprovalInput(meeting.MeetsOn, bodyName, fields.Minute), null, user, ct))
                : RefusalOf(await funding.AgreeAsync(meeting.PartnershipId, fields.FundingYear.GetValueOrDefault(), meeting.MeetsOn, bodyName, fields.Minute, user, ct));
            if (refused is not null)
            {
                db.ChangeTracker.Clear();
                return refused.Errors.Count > 0
                    ? EditResult<MeetingDecision>.Invalid(refused.Errors.ToDictionary(e => e.Key is "DecidedOn" ? "SubjectKey" : e.Key, e => e.Value))
                    : refused;
            }

            return EditResult<MeetingDecision>.Ok(decision);
        }

        db.AuditPartnershipId = meeting.PartnershipId;
        await db.SaveChangesAsync(ct);
        return EditResult<MeetingDecision>.Ok(decision);
    }

    /// <summary>What is wrong with a decision of a meeting of the partnership as written, by field, or the decision as checked; nothing is recorded.</summary>
    public async Task<EditResult<DecisionFields>> CheckDecisionAsync(int partnershipId, DecisionInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var check = new FieldCheck();
        var text = check.Required("Text", input.Text, DecisionLength, "Enter what the meeting decided", "The decision");
        var minute = check.Optional("Minute", input.Minute, 100, "The minute reference");
        var key = string.IsNullOrWhiteSpace(input.SubjectKey) ? null : input.SubjectKey.Trim();
        int? editionId = null;
        ReportingPeriod? fundingYear = null;
        switch (input.Kind)
        {
            case DecisionKind.ApproveEdition or DecisionKind.SetPriorities:
                if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                    || !await db.Editions.AnyAsync(e => e.Id == id && e.Plan.PartnershipId == partnershipId, ct))
                {
                    check.Add("SubjectKey", "Choose the plan edition the decision is about");
                }
                else
                {
                    editionId = id;
                }

                break;
            case DecisionKind.AgreeFundingPlan:
                if (!ReportingPeriod.TryParse(key, out var year) || !year.IsWholeYear)
                {
                    check.Add("SubjectKey", "Enter the year of the funding plan, like 2010-11");
                }
                else
                {
                    key = year.Slug;
                    fundingYear = year;
                }

                break;
            default:
                key = null;
                break;
        }

        return check.Result(() => new DecisionFields(text, minute, input.Kind, key, editionId, fundingYear));
    }

    /// <summary>The decision's refusal when what it decides was refused (the edition's approval, the funding plan's agreement); else null.</summary>
    private static EditResult<MeetingDecision>? RefusalOf<T>(EditResult<T> result) =>
        result.Succeeded ? null : result.Refusal<MeetingDecision>();

    /// <summary>What is wrong with a meeting's details, by field, or the meeting as checked; a date outside its financial year is refused on MeetsOn.</summary>
    public async Task<EditResult<MeetingFields>> CheckAsync(int partnershipId, MeetingInput input, CancellationToken ct = default)
    {
        var result = Check(input);
        if (input.BodyId is { } bodyId && !await db.Bodies.AnyAsync(b => b.Id == bodyId && b.Partnerships.Any(p => p.Id == partnershipId), ct))
        {
            result = result.WithError("BodyId", "Choose a body of this partnership");
        }

        return result;
    }

    /// <summary>As <see cref="CheckAsync"/>, without asking whether the body is the partnership's.</summary>
    public static EditResult<MeetingFields> Check(MeetingInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var check = new FieldCheck();
        var bodyId = check.Given("BodyId", input.BodyId, "Choose the body that meets");
        if (input.Year is not { IsWholeYear: true })
        {
            check.Add("Year", "Enter the financial year, like 2010-11");
        }

        var meetsOn = check.Given("MeetsOn", input.MeetsOn, "Enter the date of the meeting");
        if (!check.Failed("MeetsOn") && input.Year is { IsWholeYear: true } year && (meetsOn < year.Start || meetsOn > year.End))
        {
            check.Add("MeetsOn", $"The meeting must be in {year.Display}, between {Dates.Display(year.Start)} and {Dates.Display(year.End)}");
        }

        var startsAt = check.Given("StartsAt", input.StartsAt, "Enter the time the meeting starts, like 14:00");
        var place = check.Optional("Place", input.Place, PlaceLength, "The place");
        return check.Result(() => new MeetingFields(bodyId, input.Year.GetValueOrDefault(), meetsOn, startsAt, place, input.IsPublic));
    }

    /// <summary>What is wrong with an agenda item, by field (what a form shows beside the boxes it could read), or the item as checked.</summary>
    public static EditResult<AgendaItemFields> CheckAgendaItem(AgendaItemInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var check = new FieldCheck();
        var title = check.Required("Title", input.Title, TitleLength, "Enter the agenda item's title", "The title");
        var key = input.PaperKey?.Trim();
        if (PaperKeyError(input.Paper, key) is { } keyError)
        {
            check.Add("PaperKey", keyError);
        }

        return check.Result(() => new AgendaItemFields(title, input.Paper, input.Paper == PaperKind.None ? null : key));
    }

    private static string? PaperKeyError(PaperKind paper, string? key) => paper switch
    {
        PaperKind.BoardReport when !ReportingPeriod.TryParse(key, out var q) || q.IsWholeYear => "Enter the quarter of the Board report, like 2010-11-q4",
        PaperKind.RefreshReport when !int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out _) => "Enter the number of the edition whose refresh report it is",
        PaperKind.FundingPlan or PaperKind.StrategicAssessment when !ReportingPeriod.TryParse(key, out var y) || !y.IsWholeYear => "Enter the year of the paper, like 2010-11",
        _ => null,
    };

    /// <summary>
    /// The meeting if this user may edit it (<paramref name="tracked"/> when it is itself to change); else why not, which the
    /// edit takes apart with <c>Refused(out var meeting, out var refusal)</c>.
    /// </summary>
    private async Task<EditResult<Meeting>> EditableAsync(int meetingId, UserContext user, CancellationToken ct, bool tracked = false)
    {
        var meetings = tracked ? db.Set<Meeting>() : db.Set<Meeting>().AsNoTracking();
        var meeting = await meetings.FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null || (!meeting.IsPublic && !Permissions.CanSeePrivateMeetings(user, meeting.PartnershipId)))
        {
            return EditResult<Meeting>.NotFound($"There is no meeting {meetingId}.");
        }

        return Permissions.CanEditMeetings(user, meeting.PartnershipId) ? EditResult<Meeting>.Ok(meeting) : EditResult<Meeting>.Forbidden(Refused);
    }

    private void Apply(Meeting meeting, MeetingFields fields)
    {
        db.Write(meeting, fields, nameof(fields.Year), nameof(fields.IsPublic));
        meeting.IsPublic = fields.IsPublic ?? meeting.IsPublic;
    }
}
