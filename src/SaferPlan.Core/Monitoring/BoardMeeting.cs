namespace SaferPlan.Core.Monitoring;

/// <summary>
/// The Board meeting a quarter's performance report goes to (seed 001: "26 APRIL 2011" on its cover), set by the
/// partnership's support officer; the report's cover shows it.
/// </summary>
public sealed class BoardMeeting : VersionedEntity
{
    public int PartnershipId { get; set; }

    /// <summary>The quarter whose performance report the meeting receives.</summary>
    public ReportingPeriod ReportPeriod { get; set; }

    public DateOnly MeetsOn { get; set; }
}

/// <summary>When the Board meets to receive a quarter's report: read for the report's cover, set from the reports page.</summary>
public sealed class BoardMeetingService(SaferPlanDbContext db)
{
    public Task<BoardMeeting?> MeetingAsync(int partnershipId, ReportingPeriod quarter, CancellationToken ct = default) =>
        db.Set<BoardMeeting>().AsNoTracking().FirstOrDefaultAsync(m => m.PartnershipId == partnershipId && m.ReportPeriod == quarter, ct);

    public async Task<IReadOnlyDictionary<ReportingPeriod, BoardMeeting>> MeetingsAsync(int partnershipId, CancellationToken ct = default) =>
        (await db.Set<BoardMeeting>().AsNoTracking().Where(m => m.PartnershipId == partnershipId).ToListAsync(ct)).ToDictionary(m => m.ReportPeriod);

    /// <summary>Sets the meeting's date, or clears it when <paramref name="meetsOn"/> is null.</summary>
    public async Task<EditResult<BoardMeeting>> SetAsync(int partnershipId, ReportingPeriod quarter, DateOnly? meetsOn, int? expectedVersion, UserContext user, CancellationToken ct = default)
    {
        if (!Permissions.CanPublish(user, partnershipId))
        {
            return EditResult<BoardMeeting>.Forbidden("Only the partnership's support officers and administrators can set when the Board meets.");
        }

        if (Check(quarter, meetsOn) is { Count: > 0 } errors)
        {
            return EditResult<BoardMeeting>.Invalid(errors);
        }

        var meeting = await db.Set<BoardMeeting>().FirstOrDefaultAsync(m => m.PartnershipId == partnershipId && m.ReportPeriod == quarter, ct);
        var save = new EditSave(partnershipId, "Board meeting") { Clash = "Someone else set this Board meeting at the same time. Reload to see it." };
        if (meetsOn is not { } day)
        {
            if (meeting is null)
            {
                return EditResult<BoardMeeting>.NotFound($"No Board meeting is set for the {quarter.Display} report.");
            }

            db.Remove(meeting);
            return await db.SaveEditAsync(meeting, expectedVersion, save, ct);
        }

        if (meeting is null)
        {
            meeting = new BoardMeeting { PartnershipId = partnershipId, ReportPeriod = quarter };
            db.Add(meeting);
            expectedVersion = null;
        }

        meeting.MeetsOn = day;
        return await db.SaveEditAsync(meeting, expectedVersion, save, ct);
    }

    /// <summary>The latest day a Board meeting can receive the quarter's report: a year after the quarter ends (a later date is a mistyped year).</summary>
    public static DateOnly LatestMeeting(ReportingPeriod quarter) => quarter.End.AddYears(1);

    /// <summary>
    /// What is wrong with the Board meeting for the quarter's report on <paramref name="meetsOn"/>: it is after the quarter
    /// ends and no later than <see cref="LatestMeeting"/>; nothing is saved.
    /// </summary>
    public static Dictionary<string, string> Check(ReportingPeriod quarter, DateOnly? meetsOn)
    {
        var errors = new Dictionary<string, string>();
        if (quarter.IsWholeYear)
        {
            errors["Period"] = "Choose a quarter, like 2010/11 Q4, not a whole year";
        }
        else if (meetsOn is { } date && date <= quarter.End)
        {
            errors["MeetsOn"] = $"The Board meeting must be after the quarter ends ({Dates.Display(quarter.End)})";
        }
        else if (meetsOn is { } later && later > LatestMeeting(quarter))
        {
            errors["MeetsOn"] = $"The Board meeting must be within a year of the quarter ending: on or before {Dates.Display(LatestMeeting(quarter))}";
        }

        return errors;
    }
}
