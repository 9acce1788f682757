namespace SaferPlan.TestCommon;

/// <summary>
/// A clock for an app under test that starts at a chosen moment and runs in real time, so timers and the outbox's polling
/// work; <see cref="Advance"/> jumps it on.
/// </summary>
public sealed class ShiftedClock(DateTimeOffset start) : TimeProvider
{
    private long offsetTicks = (start - TimeProvider.System.GetUtcNow()).Ticks;

    /// <summary>
    /// Noon (UTC) of the machine's day, so "today" stays the same date for the next twelve hours: a test that works out
    /// today's date and the app it drives agree on it even when the run crosses midnight.
    /// </summary>
    public static ShiftedClock MiddayToday() => new(new DateTimeOffset(DateTime.UtcNow.Date.AddHours(12), TimeSpan.Zero));

    /// <summary>The date the app takes as today (it works in UTC dates).</summary>
    public DateOnly Today => DateOnly.FromDateTime(GetUtcNow().UtcDateTime);

    public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow().AddTicks(Interlocked.Read(ref offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);
}
