using SaferPlan.Core.Auditing;

namespace SaferPlan.Core.Meetings;

/// <summary>
/// What generating a year's meetings or statutory duties did: how many were added, and how many were left out as dated
/// before <paramref name="From"/>, for the reason <paramref name="Why"/> gives (both null when nothing could be left out).
/// </summary>
public sealed record GeneratedYear(int Added, int LeftOut, DateOnly? From, string? Why);

/// <summary>
/// The first day a generated meeting or duty may fall on: nothing is made for a day before the partnership was set up in
/// SaferPlan (its audit trail's first entry, "Created"), nor, in the year under way, for a day already past; a duty dated
/// then would be overdue as soon as it was made, and chased by e-mail every day. Null when the whole year may be generated.
/// </summary>
public sealed record GenerationStart(DateOnly From, string Why)
{
    public static async Task<GenerationStart?> ForAsync(SaferPlanDbContext db, int partnershipId, ReportingPeriod year, DateOnly today, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var created = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Partnership) && a.EntityId == partnershipId && a.Action == AuditAction.Created)
            .OrderBy(a => a.Id).Select(a => (DateTimeOffset?)a.OccurredAt).FirstOrDefaultAsync(ct);
        var start = year.FinancialYear.Start;
        GenerationStart? from = null;
        if (created is { } c && DateOnly.FromDateTime(c.UtcDateTime) is var setUp && setUp > start)
        {
            from = new(setUp, $"the partnership was set up in SaferPlan on {Dates.Display(setUp)}");
        }

        if (today > start && today <= year.FinancialYear.End && (from is null || today > from.From))
        {
            from = new(today, "those days are already past");
        }

        return from;
    }

    /// <summary>What the calendar says was left out, or null when nothing was: "3 meetings and 8 duties dated before 3 December 2026 were left out: …".</summary>
    public static string? LeftOutSentence(GeneratedYear meetings, GeneratedYear duties)
    {
        ArgumentNullException.ThrowIfNull(meetings);
        ArgumentNullException.ThrowIfNull(duties);
        if (meetings.LeftOut + duties.LeftOut == 0 || (meetings.From ?? duties.From) is not { } from)
        {
            return null;
        }

        return $"{Count(meetings.LeftOut, "meeting")} and {Count(duties.LeftOut, "statutory duty", "statutory duties")} dated before {Dates.Display(from)} were left out: "
            + (meetings.Why ?? duties.Why);
    }

    private static string Count(int n, string one, string? many = null) =>
        n == 1 ? $"1 {one}" : $"{n.ToString(CultureInfo.InvariantCulture)} {many ?? one + "s"}";
}
