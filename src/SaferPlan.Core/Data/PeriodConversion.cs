using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SaferPlan.Core.Data;

/// <summary>
/// Stores a reporting period as its slug ("2010-11-q4"), which also sorts in time order. Every
/// <see cref="ReportingPeriod"/> property is stored this way (see <see cref="SaferPlanDbContext"/>'s conventions).
/// </summary>
public sealed class PeriodConversion() : ValueConverter<ReportingPeriod, string>(p => p.Slug, s => ReportingPeriod.Parse(s))
{
    /// <summary>The length of the longest slug, with room to spare.</summary>
    public const int Length = 12;
}
