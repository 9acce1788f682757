using System.Text;
using SaferPlan.Core.Crime;

namespace SaferPlan.Core.Demo;

/// <summary>
/// The demo's SYNTHETIC national picture: a few invented forces of small local authorities (their LSOA names begin with
/// the authority's name, so each becomes a comparator area), with crime for the three years to the demo's last month and
/// residents for every year, so the demo partnerships' computed peers and funnel plots appear. The authorities are kept
/// small (about 20 LSOAs) so that loading them adds about a quarter of a million rows, not the millions a real
/// force's worth of months would; their rates per 1,000 residents differ by authority, as real ones do.
/// </summary>
internal static class DemoNationalPicture
{
    /// <summary>The first month of the comparator areas' crime: seed 000's comparison window starts here.</summary>
    public static readonly CalendarMonth From = CalendarMonth.Of(2008, 9);

    private const int Forces = 8;

    public static IReadOnlyList<SyntheticPoliceUk> ComparatorForces()
    {
        var national = SyntheticPoliceUk.National(Forces, seed: 2011);
        var forces = new List<SyntheticPoliceUk>(national.Count);
        for (var f = 0; f < national.Count; f++)
        {
            var force = national[f];
            var random = new Random(2011 + f);
            var districts = force.Districts.Take(3).Select(d =>
            {
                var lsoas = 15 + random.Next(12);

                // Recorded crime of 55 to 175 a year per 1,000 residents (about 1,600 residents an LSOA), a third of it anti-social behaviour.
                var perMonth = lsoas * 1600 * (55 + random.Next(120)) / 12_000;
                return d with { Lsoas = lsoas, CrimesPerMonth = perMonth * 2 / 3, AntiSocialBehaviourPerMonth = perMonth / 3 };
            }).ToList();
            forces.Add(new SyntheticPoliceUk(force.ForceKey, force.ForceName, districts, force.Seed, 200_000 + (f * 1000)));
        }

        return forces;
    }

    /// <summary>
    /// Residents and dwellings of the comparator forces' authorities and of the Cambridgeshire districts the demo loads
    /// crime for, as the population CSV a user would upload (every line marked synthetic).
    /// </summary>
    public static string PopulationCsv(SyntheticPoliceUk county, IReadOnlyList<SyntheticPoliceUk> forces, int fromYear, int toYear)
    {
        var text = new StringBuilder(SyntheticPoliceUk.PopulationCsv(forces, fromYear, toYear));
        var countyCsv = SyntheticPoliceUk.PopulationCsv([county], fromYear, toYear);
        foreach (var line in countyCsv.Split('\n').Skip(1))
        {
            if (county.OnlyDistricts is not { } only || only.Any(d => line.Contains($",{d},", StringComparison.Ordinal)))
            {
                text.Append(line).Append('\n');
            }
        }

        return text.ToString().TrimEnd('\n') + "\n";
    }
}
