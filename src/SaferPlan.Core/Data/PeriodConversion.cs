using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SaferPlan.Core.Data;

/// <summary>
/// Stores a reporting period as its slug ("2010-11-q4"), which also sorts in time order. Every
/// <see cref="ReportingPeriod"/> property is stored this way (see <see cref="SaferPlanDbContext"/>'s conventions).
/// </summary>
public sealed class PeriodConversion() : ValueConverter<ReportingPeriod, string>(p => p.Slug, s => FromStore(s))
{
    /// <summary>The length of the longest slug, with room to spare.</summary>
    public const int Length = 12;

    /// <summary>
    /// The slug, or the unset period's ("0-01"), which is never stored but is how EF Core's compiled model keeps the
    /// properties' default (their sentinel) and reads it back.
    /// </summary>
    public static ReportingPeriod FromStore(string slug) => slug == default(ReportingPeriod).Slug ? default : ReportingPeriod.Parse(slug);
}
