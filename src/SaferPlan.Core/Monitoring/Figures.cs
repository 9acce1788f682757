using System.Text.Json;

namespace SaferPlan.Core.Monitoring;

/// <summary>One row of a figure table: its label and a value per column (null where none was given).</summary>
public sealed record FigureRow(string Label, IReadOnlyList<decimal?> Values);

/// <summary>One labelled figure, such as a district's referrals in a partner briefing.</summary>
public sealed record FigureValue(string Label, decimal? Value);

public static class FigureJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<string> Columns(FigureTable table) =>
        JsonSerializer.Deserialize<List<string>>(table.Columns, Options) ?? [];

    public static IReadOnlyList<FigureRow> Rows(FigureTable table) =>
        JsonSerializer.Deserialize<List<FigureRow>>(table.Rows, Options) ?? [];

    public static IReadOnlyList<FigureValue> Values(PartnerBriefing briefing) =>
        briefing.Figures is null ? [] : JsonSerializer.Deserialize<List<FigureValue>>(briefing.Figures, Options) ?? [];

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);
}
