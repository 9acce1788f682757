using SaferPlan.Core.Statistics;

namespace SaferPlan.Core.Crime.Peers;

/// <summary>An area in a partnership's comparator group, with its residents for the window's year and (when computed) its distance.</summary>
public sealed record PeerArea(int Id, string Name, string? Code, int? Residents, double? Distance);

/// <summary>
/// A partnership's comparator group: the areas its analyst chose, or the <see cref="PeerMethod.Size"/> nearest computed by
/// <see cref="PeerMethod"/>; <see cref="Reason"/> says why it is empty when it is.
/// </summary>
public sealed record ComparatorGroup(bool Chosen, IReadOnlyList<PeerArea> Areas, string? Reason)
{
    public string Description => Chosen
        ? "Chosen by the partnership's analyst."
        : $"Computed: the {PeerMethod.Size} areas nearest the partnership on standardised crime rates and population size. {PeerMethod.Rule}";
}

/// <summary>Whether the partnership's rate differs from its peers' by more than chance.</summary>
public enum PeerSignificance
{
    NotKnown,
    NotSignificant,
    Above,
    Below,
}

/// <summary>One peer's count and rate per 1,000 residents for a crime type or group.</summary>
public sealed record PeerRate(PeerArea Area, int Count, double? Rate);

/// <summary>
/// A crime type or group over 12 months: the partnership's count and rate per 1,000 residents with its exact 95%
/// interval, the peers' pooled rate, its rank among them (1 = highest rate) and whether it is significantly above or below.
/// </summary>
public sealed record PeerComparison(
    string Key, string Name, int Count, double? Rate, double? LowerCi, double? UpperCi, double? PeerMean,
    int? Rank, int Of, PeerSignificance Significance, IReadOnlyList<PeerRate> Peers)
{
    public string SignificanceText => PeerMethod.Text(Significance);

    /// <summary>"2nd highest of 16 areas: 12.41 per 1,000 (95% CI 11.2 to 13.7) against a peer rate of 9.80, significantly above."</summary>
    public string Sentence => Rate is not { } rate
        ? $"{Name}: no rate, as the partnership has no residents figure for the period."
        : string.Create(CultureInfo.InvariantCulture, $"{Name}: {rate:0.00} per 1,000 residents (95% CI {LowerCi:0.00} to {UpperCi:0.00})")
            + (PeerMean is { } mean
                ? string.Create(CultureInfo.InvariantCulture, $" against a peer rate of {mean:0.00}, ranked {Rank} of {Of} (1 = highest): {SignificanceText}.")
                : ", with no peer rate to compare.");
}

/// <summary>A partnership against its comparator group for every crime group and type over 12 months.</summary>
public sealed record PeersReport(
    CrimeDataStamp Stamp, CalendarMonth From, CalendarMonth To, double? Residents, int? ResidentsYear, string? Notice,
    ComparatorGroup Group, IReadOnlyList<PeerComparison> Groups, IReadOnlyList<PeerComparison> Types)
{
    public string Period => $"{From.Display} to {To.Display}";

    /// <summary>The window, the data's signature and the partnership's stamp it was computed under: what anything drawn from it is cached by.</summary>
    public string CacheKey { get; init; } = "";
}

/// <summary>The documented arithmetic of peers: the nearest-areas measure, the rates, the peer mean, rank and significance.</summary>
public static class PeerMethod
{
    /// <summary>How many areas a computed comparator group has.</summary>
    public const int Size = 15;

    public const string Rule =
        "Each area is described by its rates per 1,000 residents of the main crime groups (all crime, serious acquisitive crime, violence and sexual offences, "
        + "theft, anti-social behaviour) over the 12 months asked for, and the natural logarithm of its residents; each measure is standardised to a z-score "
        + "(minus the mean of all areas with a residents figure and crime recorded in those months, divided by their standard deviation) and the distance "
        + "between two areas is the Euclidean distance of their z-scores. Areas whose LSOAs all lie in the partnership's own area, and areas with no crime "
        + "recorded in those months (their force's data not loaded), are left out.";

    public const string MeanRule =
        "The peer mean is the peers' pooled rate: their crimes added together per 1,000 of their residents added together. Rank 1 is the highest rate among "
        + "the partnership and its peers. The partnership is significantly above (below) its peers when the peer mean lies below (above) its exact 95% confidence interval.";

    /// <summary>The crime groups an area is described by, whatever groups a partnership keeps.</summary>
    public static IReadOnlyList<UsualCrimeGroup> Measures => CrimeGroupService.Usual;

    public static double? Rate(int count, double? residents) => residents is { } r && r > 0 ? count * 1000.0 / r : null;

    /// <summary>Compares a partnership's count with its peers' counts for one crime type or group.</summary>
    public static PeerComparison Compare(string key, string name, int count, double? residents, IReadOnlyList<(PeerArea Area, int Count)> peers)
    {
        ArgumentNullException.ThrowIfNull(peers);
        var rate = Rate(count, residents);
        var rates = peers.Select(p => new PeerRate(p.Area, p.Count, Rate(p.Count, p.Area.Residents))).ToList();
        var counted = rates.Where(r => r.Rate is not null).ToList();
        double? mean = counted.Count == 0 ? null : counted.Sum(r => (double)r.Count) * 1000 / counted.Sum(r => (double)r.Area.Residents!.Value);
        if (rate is not { } own)
        {
            return new PeerComparison(key, name, count, null, null, null, mean, null, counted.Count, PeerSignificance.NotKnown, rates);
        }

        var ci = PoissonInterval.Exact(count).PerThousand(residents!.Value);
        var rank = 1 + counted.Count(r => r.Rate > own);
        var significance = mean is not { } m ? PeerSignificance.NotKnown
            : m < ci.Lower ? PeerSignificance.Above
            : m > ci.Upper ? PeerSignificance.Below
            : PeerSignificance.NotSignificant;
        return new PeerComparison(key, name, count, own, ci.Lower, ci.Upper, mean, rank, counted.Count + 1, significance, rates);
    }

    /// <summary>"above", "below", "not significant" (as the API says them), or "not known".</summary>
    public static string Code(PeerSignificance s) => s switch
    {
        PeerSignificance.Above => "above",
        PeerSignificance.Below => "below",
        PeerSignificance.NotSignificant => "not significant",
        _ => "not known",
    };

    public static string Text(PeerSignificance s) => s switch
    {
        PeerSignificance.Above => "significantly above its peers",
        PeerSignificance.Below => "significantly below its peers",
        PeerSignificance.NotSignificant => "not significantly different from its peers",
        _ => "not known",
    };

    /// <summary>
    /// The <see cref="Size"/> candidates nearest <paramref name="own"/> by <see cref="Rule"/>: each measure standardised over
    /// <paramref name="all"/> (every area with residents), then Euclidean distance; ties go to the name first in order.
    /// </summary>
    public static IReadOnlyList<(T Area, double Distance)> Nearest<T>(double[] own, IReadOnlyList<(T Area, double[] Measures, string Name)> all, Func<T, bool> candidate, int size = Size)
    {
        ArgumentNullException.ThrowIfNull(own);
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(candidate);
        if (all.Count == 0)
        {
            return [];
        }

        var means = new double[own.Length];
        var sds = new double[own.Length];
        for (var i = 0; i < own.Length; i++)
        {
            var index = i;
            means[i] = all.Average(a => a.Measures[index]);
            sds[i] = Math.Sqrt(all.Average(a => Math.Pow(a.Measures[index] - means[index], 2)));
        }

        double Z(double value, int i) => sds[i] > 0 ? (value - means[i]) / sds[i] : 0;
        var ownZ = own.Select(Z).ToArray();
        return all.Where(a => candidate(a.Area))
            .Select(a => (a.Area, a.Name, Distance: Math.Sqrt(a.Measures.Select((v, i) => Math.Pow(Z(v, i) - ownZ[i], 2)).Sum())))
            .OrderBy(a => a.Distance).ThenBy(a => a.Name, StringComparer.Ordinal)
            .Take(size)
            .Select(a => (a.Area, a.Distance))
            .ToList();
    }
}
