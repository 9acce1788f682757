namespace SaferPlan.TestCommon;

/// <summary>
/// Start years for the plans tests create in the shared demo partnerships. A partnership refuses a second plan starting in
/// the same year, so years picked at random by several test classes sharing one host collided now and then; these are
/// handed out once each per test process (after the demo's own plans), so no two tests ever ask for the same year.
/// </summary>
public static class PlanYears
{
    private const int First = 2013;
    private const int Last = 2100;
    private static int next = First - 1;

    public static int Next()
    {
        var year = Interlocked.Increment(ref next);
        return year <= Last
            ? year
            : throw new InvalidOperationException($"The tests have used every plan start year from {First} to {Last} (the latest a plan may start); give the new test a partnership of its own.");
    }
}
