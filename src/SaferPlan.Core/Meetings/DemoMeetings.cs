namespace SaferPlan.Core.Meetings;

/// <summary>
/// The demo partnership's governance calendar: 2009/10 to 2011/12 generated from its bodies' cadences, with the seeds' own
/// meetings where they fall (the Board set the 2010/11 priorities on 26 October 2009 and approved the refresh on 1 February
/// 2010, seeds 000 and 002; it received the 2010/11 Q4 report on 26 April 2011, seed 001), and the 2010/11 statutory year,
/// done but for the last quarter's ASB return.
/// </summary>
internal static class DemoMeetings
{
    public const string Slug = "south-cambridgeshire";

    public static async Task LoadAsync(SaferPlanDbContext db, int partnershipId, PlanEdition? refreshed, CancellationToken ct)
    {
        if (await db.Set<Meeting>().AnyAsync(m => m.PartnershipId == partnershipId, ct))
        {
            return;
        }

        foreach (var year in new[] { 2009, 2010, 2011 })
        {
            await MeetingEditor.AddScheduleAsync(db, partnershipId, ReportingPeriod.Year(year), ct);
        }

        await StatutoryYearService.AddYearAsync(db, partnershipId, ReportingPeriod.Year(2010), ct);
        var meetings = db.ChangeTracker.Entries<Meeting>().Select(e => e.Entity).ToList();
        var bodies = await db.Bodies.Where(b => meetings.Select(m => m.BodyId).Contains(b.Id)).ToDictionaryAsync(b => b.Id, ct);
        Meeting BoardIn(int year, int month) => meetings.Single(m => bodies[m.BodyId].Key == "cdrp-board"
            && m.ScheduleSlot == $"{ReportingPeriod.Year(year).Slug}-{month.ToString("00", CultureInfo.InvariantCulture)}");

        var priorities = BoardIn(2009, 10);
        priorities.MeetsOn = new DateOnly(2009, 10, 26);
        var approval = BoardIn(2009, 1);
        approval.MeetsOn = new DateOnly(2010, 2, 1);
        if (refreshed is not null)
        {
            var key = refreshed.Id.ToString(CultureInfo.InvariantCulture);
            priorities.Agenda.Add(new AgendaItem { SortOrder = 2, Title = "Strategic Assessment 2009", Paper = PaperKind.StrategicAssessment, PaperKey = "2009-10" });
            priorities.Decisions.Add(new MeetingDecision { Kind = DecisionKind.SetPriorities, SubjectKey = key, Text = "The Board agreed the priorities for 2010/11 from the Strategic Assessment." });
            approval.Agenda.Add(new AgendaItem { SortOrder = 2, Title = "Rolling plan refresh 2010/11", Paper = PaperKind.RefreshReport, PaperKey = key });
            approval.Decisions.Add(new MeetingDecision { Kind = DecisionKind.ApproveEdition, SubjectKey = key, Minute = refreshed.ApprovalMinute, Text = "The Board approved the 2010/11 refresh of the Community Safety Plan." });
        }

        foreach (var duty in db.ChangeTracker.Entries<StatutoryDuty>().Select(e => e.Entity).Where(d => d.Key != "asb-return-q4"))
        {
            duty.DoneOn = duty.DueOn;
        }

        db.AuditPartnershipId = partnershipId;
        await db.SaveChangesAsync(ct);
    }
}
