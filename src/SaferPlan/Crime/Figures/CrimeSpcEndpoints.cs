using SaferPlan.Core.Statistics;
using SaferPlan.Indicators;

namespace SaferPlan.Crime.Figures;

/// <summary>A point of a crime series' SPC chart: <c>signal</c> null, "improvement" or "concern"; <c>rules</c> the rules met.</summary>
public sealed record CrimeSpcPointDto(string Period, string Display, double Value, double? MovingRange, string? Signal, IReadOnlyList<string> Rules);

/// <summary>A crime group's or type's SPC chart, in the shape of an indicator's (more crime is concern).</summary>
public sealed record CrimeSpcDto(
    string Partnership, string Kind, string Key, string Name, string Direction, string From, string To,
    double? Mean, double? LowerLimit, double? UpperLimit, double? MeanMovingRange, IReadOnlyList<CrimeSpcPointDto> Points,
    string? Variation, string VariationText, string Sentence, string? Message, string Method, string? Notice)
{
    public static CrimeSpcDto Of(string slug, CrimeSeriesSpc spc, bool synthetic)
    {
        ArgumentNullException.ThrowIfNull(spc);
        var r = spc.Result;
        return new(
            slug, spc.IsGroup ? "group" : "type", spc.Key, spc.Name, "lowerIsBetter", spc.Months[0].ToString(), spc.Months[^1].ToString(),
            r.Mean, r.LowerLimit, r.UpperLimit, r.MeanMovingRange,
            r.Points.Select((p, i) => new CrimeSpcPointDto(p.Period, spc.Months[i].Display, p.Value, p.MovingRange, IndicatorSpcDto.Signal(p.Signal), p.Rules.Select(Spc.Key).ToList())).ToList(),
            r.Variation is { } v ? IndicatorSpcDto.Camel(v.ToString()) : null, spc.VariationText, spc.Sentence, r.Message, Spc.Method,
            synthetic ? CrimeStatistics.SyntheticNotice : null);
    }
}

/// <summary>SPC on a partnership's recorded crime series: open data, readable without signing in, as the crime figures are.</summary>
public static class CrimeSpcEndpoints
{
    public static void MapCrimeSpc(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/partnerships/{slug}/crime/spc", GetAsync)
            .WithSummary("The XmR chart of one crime group (group=KEY) or crime type (type=ID) by month, from and to YYYY-MM (by default the latest 36 months with data): mean, process limits, each point's signal and rules, and the variation. More crime is concern.");
    }

    private static async Task<Results<Ok<CrimeSpcDto>, ProblemHttpResult>> GetAsync(string slug, string? group, string? type, string? from, string? to, CrimeStatistics statistics, CancellationToken ct)
    {
        if (await statistics.StampAsync(slug, ct) is not { } stamp)
        {
            return ApiErrors.NotFound($"There is no partnership '{slug}'.");
        }

        var monthly = await statistics.MonthlyAsync(stamp, ct);
        var errors = new Dictionary<string, string[]>();
        var span = CrimeSpc.DefaultSpan(monthly);
        var start = Month(from, "from", span?.From, errors);
        var end = Month(to, "to", span?.To, errors);
        if (start is { } a && end is { } b && (b < a || a.MonthsUntil(b) >= CrimeQuery.MaxMonths))
        {
            errors["to"] = [$"Enter a month from {a} to {a.AddMonths(CrimeQuery.MaxMonths - 1)}"];
        }

        var groups = string.IsNullOrWhiteSpace(group) ? [] : await statistics.GroupsAsync(stamp, ct);
        CrimeSeriesSpc? Series()
        {
            if (string.IsNullOrWhiteSpace(group) == string.IsNullOrWhiteSpace(type))
            {
                errors["group"] = ["Name one crime group (group=KEY) or one crime type (type=ID)"];
                return null;
            }

            if (start is not { } f || end is not { } t)
            {
                errors.TryAdd("from", ["There is no recorded crime for the partnership's area yet: enter from and to months"]);
                return null;
            }

            if (!string.IsNullOrWhiteSpace(group))
            {
                if (groups.FirstOrDefault(g => string.Equals(g.Key, group.Trim(), StringComparison.OrdinalIgnoreCase)) is not { } found)
                {
                    errors["group"] = [$"\"{group.Trim()}\" is not one of the partnership's crime groups: {string.Join(", ", groups.Select(g => g.Key))}"];
                    return null;
                }

                return CrimeSpc.Compute(found.Key, found.Name, isGroup: true, found.CrimeTypeIds, monthly, f, t);
            }

            if (!short.TryParse(type, out var id) || CrimeTypes.All.FirstOrDefault(c => c.Id == id) is not { } crimeType)
            {
                errors["type"] = [$"\"{type!.Trim()}\" is not a crime type id: see /api/crime-types"];
                return null;
            }

            return CrimeSpc.Type(crimeType, monthly, f, t);
        }

        var series = errors.Count == 0 ? Series() : null;
        if (series is null)
        {
            return ApiErrors.Invalid(errors, errors.Values.First()[0]);
        }

        var synthetic = await statistics.IsSyntheticAsync(stamp, series.Months[0], series.Months[^1], ct);
        return TypedResults.Ok(CrimeSpcDto.Of(stamp.Slug, series, synthetic));
    }

    private static CalendarMonth? Month(string? text, string field, CalendarMonth? fallback, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (CalendarMonth.TryParse(text.Trim(), out var month))
        {
            return month;
        }

        errors[field] = [$"Enter {field} as a month, YYYY-MM"];
        return null;
    }
}
