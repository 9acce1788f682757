using SaferPlan.Core.Periods;

namespace SaferPlan.Monitoring;

/// <summary>Reads the period in a page's route ("2010-11-q4").</summary>
public static class PeriodRoute
{
    public static ReportingPeriod? Quarter(string? text) =>
        ReportingPeriod.TryParse(text, out var p) && !p.IsWholeYear ? p : null;
}
