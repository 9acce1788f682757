using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SaferPlan.Core.Periods;

namespace SaferPlan.Core.Data;

/// <summary>Stores a reporting period as its slug ("2010-11-q4"), which also sorts in time order.</summary>
public static class PeriodConversion
{
    public static readonly ValueConverter<ReportingPeriod, string> Converter = new(p => p.Slug, s => ReportingPeriod.Parse(s));
}
