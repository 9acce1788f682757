using System.Text.Json;

namespace SaferPlan.Core.Monitoring;

/// <summary>
/// One row of a figure table: its label and a value per column (null where none was given); and, where the group reported
/// a cumulative figure for the year so far, that too (a value per column), which the report brings forward when the
/// year's earlier quarters were not entered.
/// </summary>
public sealed record FigureRow(string Label, IReadOnlyList<decimal?> Values, IReadOnlyList<decimal?>? YearToDate = null);

/// <summary>One labelled figure, such as a district's referrals in a partner briefing.</summary>
public sealed record FigureValue(string Label, decimal? Value);

public static class FigureJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<string> Columns(FigureTable table) => Read<List<string>>(table.Columns) ?? [];

    public static IReadOnlyList<FigureRow> Rows(FigureTable table) =>
        (Read<List<FigureRow?>>(table.Rows) ?? []).OfType<FigureRow>().ToList();

    public static IReadOnlyList<FigureValue> Values(PartnerBriefing briefing) =>
        briefing.Figures is null ? [] : (Read<List<FigureValue?>>(briefing.Figures) ?? []).OfType<FigureValue>().ToList();

    /// <summary>Figures that cannot be read show as none rather than stopping a page or a report.</summary>
    private static T? Read<T>(string json)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);
}
