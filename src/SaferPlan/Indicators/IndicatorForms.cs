using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace SaferPlan.Indicators;

/// <summary>What the indicator forms share: choices, reading numbers, and showing the editor's errors against the boxes.</summary>
public static class IndicatorForms
{
    public static IEnumerable<Choice> Units => GovUkHtml.EnumChoices<IndicatorUnit>(IndicatorEvaluation.UnitText);

    public static IEnumerable<Choice> Polarities => GovUkHtml.EnumChoices<Polarity>(IndicatorEvaluation.PolarityText);

    public static IEnumerable<Choice> Frequencies => GovUkHtml.EnumChoices<IndicatorFrequency>(f => f.ToString());

    public static IEnumerable<Choice> Sources =>
    [
        new(nameof(IndicatorSource.Manual), "Entered by hand", "Each period's value is entered with its source"),
        new(nameof(IndicatorSource.RecordedCrime), "Recorded crime", "Computed from police.uk crime data for the partnership's area"),
    ];

    public static IEnumerable<Choice> CrimeTypeChoices =>
        new[] { new Choice("", "None") }.Concat(CrimeTypes.All.Select(t => new Choice(t.Name, t.Name)));

    public static IEnumerable<Choice> TargetKinds =>
    [
        new(nameof(TargetKind.AtMost), "At most a number"),
        new(nameof(TargetKind.AtLeast), "At least a number"),
        new(nameof(TargetKind.BelowBaseline), "Below the baseline"),
        new(nameof(TargetKind.AboveBaseline), "Above the baseline"),
        new(nameof(TargetKind.PercentChangeOnBaseline), "A percentage change on the baseline", "Negative for a reduction, like -10"),
        new(nameof(TargetKind.ToBeConfirmed), "To be confirmed", "The plan says a target will be set but not yet what it is"),
    ];

    /// <summary>Reads an optional number ("34", "12.5", "1,200"), adding an error if it is not one.</summary>
    public static decimal? OptionalDecimal(ModelStateDictionary state, string field, string? text, string message)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var cleaned = text.Trim().TrimEnd('%').TrimStart('£').Replace(",", "", StringComparison.Ordinal).Trim();
        if (decimal.TryParse(cleaned, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        state.AddModelError(field, message);
        return null;
    }

    public static string? Text(decimal? value) => value?.ToString("0.####", CultureInfo.InvariantCulture);
}
