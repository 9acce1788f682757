using SaferPlan.Core.Crime.Peers;
using SaferPlan.Crime.Figures;

namespace SaferPlan.Crime.Peers;

/// <summary>
/// A partnership against its comparator group over 12 months: open data like the other crime figures, so readable
/// without signing in (the group and rates are computed from police.uk counts and population figures only).
/// </summary>
public static class PeerEndpoints
{
    public static void MapPeers(RouteGroupBuilder api)
    {
        api.MapGet("/partnerships/{slug}/peers", Peers)
            .Produces<PeersDto>()
            .WithSummary("The partnership's rate per 1,000 residents with its exact 95% interval, the peers' pooled rate, its rank (1 = highest) and significance, for a crime group (group=KEY) or each crime type, over 12 months (from=YYYY-MM&to=YYYY-MM; by default the latest 12 with data).");

        api.MapGet("/partnerships/{slug}/peers/funnels/{key}.svg", Funnel)
            .Produces(StatusCodes.Status200OK, contentType: "image/svg+xml")
            .WithSummary("A crime group's funnel plot against the comparator group as SVG, over 12 months (from=YYYY-MM&to=YYYY-MM); the assessment page shows it as an image beside its numbers as a table.");
    }

    /// <summary>The partnership's peers report over the window asked for; or no partnership (404), or a window that is not 12 months (400).</summary>
    private static async Task<(PeersReport? Report, ProblemHttpResult? Problem)> ReportAsync(
        string slug, string? from, string? to, CrimeStatistics statistics, PeerService peers, TimeProvider time, CancellationToken ct)
    {
        if (await statistics.StampAsync(slug, ct) is not { } stamp)
        {
            return (null, ApiErrors.NotFound($"There is no partnership '{slug}'."));
        }

        var errors = new Dictionary<string, string>();
        return Read(from, to, CrimeQuery.DefaultTo(await statistics.MonthlyAsync(stamp, ct), time), errors) is { } window
            ? (await peers.ReportAsync(stamp, window.From, window.To, ct), null)
            : (null, CrimeQuery.Problem(errors));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Peers(string slug, string? from, string? to, string? group, CrimeStatistics statistics, PeerService peers, CrimeCache cache, HttpContext http, TimeProvider time, CancellationToken ct)
    {
        var (report, problem) = await ReportAsync(slug, from, to, statistics, peers, time, ct);
        if (report is null)
        {
            return problem!;
        }

        IReadOnlyList<PeerComparison> rows;
        if (string.IsNullOrWhiteSpace(group))
        {
            rows = report.Types;
        }
        else if (report.Groups.FirstOrDefault(g => string.Equals(g.Key, group.Trim(), StringComparison.OrdinalIgnoreCase)) is { } row)
        {
            rows = [row];
        }
        else
        {
            return ApiErrors.NotFound($"The partnership has no crime group '{group}'. Its groups are: {string.Join(", ", report.Groups.Select(g => g.Key))}.");
        }

        // The JSON is made once per report and row choice (about 30 KB for every type): a repeat sends the bytes as they are.
        return await CrimeEndpoints.CachedJsonAsync(http, cache, $"peers:json:{(string.IsNullOrWhiteSpace(group) ? "types" : "group:" + rows[0].Key)}:{report.CacheKey}", _ => Task.FromResult(PeersDto.Of(report, rows)), ct);
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Funnel(string slug, string key, string? from, string? to, CrimeStatistics statistics, PeerService peers, HttpContext http, TimeProvider time, CancellationToken ct)
    {
        var (report, problem) = await ReportAsync(slug, from, to, statistics, peers, time, ct);
        if (report is null)
        {
            return problem!;
        }

        if (report.Groups.FirstOrDefault(g => g.Key == key) is not { } row)
        {
            return ApiErrors.NotFound($"The partnership has no crime group '{key}'. Its groups are: {string.Join(", ", report.Groups.Select(g => g.Key))}.");
        }

        // The page names the data stamp in the address, so a browser may keep the plot until the figures change.
        http.Response.Headers.CacheControl = "public, max-age=3600";
        return TypedResults.Text(await peers.FunnelSvgAsync(report, row, $"funnel-{row.Key}", ct), "image/svg+xml; charset=utf-8");
    }

    /// <summary>Reads the window as the crime figures do, then holds it to exactly 12 months: rates per 1,000 are per year.</summary>
    public static CrimeQuery? Read(string? from, string? to, CalendarMonth defaultTo, Dictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (CrimeQuery.Read(from, to, null, defaultTo, CrimeQuery.MaxMonths, errors) is not { } query)
        {
            return null;
        }

        var months = query.From.MonthsUntil(query.To) + 1;
        if (months != 12)
        {
            errors["to"] = string.Create(CultureInfo.InvariantCulture, $"The last month must be 11 months after the first month (12 months in all), as rates per 1,000 residents are yearly: {query.From} to {query.To} is {months}");
            return null;
        }

        return query;
    }
}

public sealed record PeerAreaDto(string Name, string? Code, int? Residents, double? Distance);

public sealed record ComparatorGroupDto(bool Chosen, string Description, string? Reason, IReadOnlyList<PeerAreaDto> Areas);

public sealed record PeerRateDto(string Name, string? Code, int? Residents, int Count, double? Rate);

/// <summary>One crime type or group: <c>of</c> counts the partnership and its peers with a rate; <c>significance</c> is "above", "below", "not significant" or "not known".</summary>
public sealed record PeerRowDto(
    string Key, string Name, int Count, double? Rate, double? LowerCi, double? UpperCi, double? PeerMean, int? Rank, int Of,
    string Significance, string Sentence, IReadOnlyList<PeerRateDto> Peers);

public sealed record PeersDto(
    string Partnership, string Name, string From, string To, string? Notice, double? Residents, int? ResidentsYear,
    ComparatorGroupDto ComparatorGroup, string MeanRule, string IntervalRule, IReadOnlyList<PeerRowDto> Rows)
{
    public static PeersDto Of(PeersReport r, IReadOnlyList<PeerComparison> rows)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(rows);
        return new(
            r.Stamp.Slug, r.Stamp.Name, r.From.ToString(), r.To.ToString(), r.Notice, r.Residents, r.ResidentsYear,
            new ComparatorGroupDto(r.Group.Chosen, r.Group.Description, r.Group.Reason,
                r.Group.Areas.Select(a => new PeerAreaDto(a.Name, a.Code, a.Residents, a.Distance is { } d ? Math.Round(d, 4) : null)).ToList()),
            PeerMethod.MeanRule, SaferPlan.Core.Statistics.PoissonInterval.Rule,
            rows.Select(c => new PeerRowDto(c.Key, c.Name, c.Count, c.Rate, c.LowerCi, c.UpperCi, c.PeerMean, c.Rank, c.Of,
                PeerMethod.Code(c.Significance), c.Sentence,
                c.Peers.Select(p => new PeerRateDto(p.Area.Name, p.Area.Code, p.Area.Residents, p.Count, p.Rate)).ToList())).ToList());
    }
}
