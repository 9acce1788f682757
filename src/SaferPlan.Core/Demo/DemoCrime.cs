using SaferPlan.Core.Crime;

namespace SaferPlan.Core.Demo;

/// <summary>
/// The demo partnerships' crime settings: the area from the local authority name that begins police.uk LSOA names,
/// the usual crime groups, and residents and dwellings for rates. It does not depend on crime data being loaded: an
/// area defined by name takes in the LSOAs of that name whenever they arrive (the statistics include them at query
/// time, and this adds them to the listed area each time it runs). Groups and denominators are added only the first time.
/// It sets them through the crime features' own services, as a partnership's analyst would.
/// </summary>
public sealed class DemoCrime(SaferPlanDbContext db, CrimeGroupService groups, DenominatorService denominators, CrimeAreaService areas, AreaPopulationService population)
{
    private sealed record Settings(string Slug, string LocalAuthorityName, int FirstYear, int LastYear, decimal Residents, decimal Dwellings, string Source);

    private static readonly Settings[] All =
    [
        new("south-cambridgeshire", "South Cambridgeshire", 2008, 2011, 143_000, 59_000,
            "Demo figure: ONS mid-year estimate and council tax base, rounded"),
        new("cambridge", "Cambridge", 2008, 2011, 112_000, 46_000,
            "Demo figure (synthetic): about 1,600 residents an LSOA, as the synthetic population file has it"),
    ];

    /// <summary>Loads residents per area from a population file; a file the service refuses stops the demo with its reasons.</summary>
    public async Task LoadPopulationAsync(Stream csv, string fileName, CancellationToken ct)
    {
        var loaded = await population.LoadAsync(csv, fileName, ct);
        if (!loaded.Succeeded)
        {
            throw new InvalidDataException($"The demo's synthetic population figures were refused: {loaded.Message} {string.Join("; ", loaded.Errors.Values)}");
        }
    }

    public async Task ApplyAsync(CancellationToken ct)
    {
        foreach (var s in All)
        {
            var partnership = await db.Partnerships.FirstOrDefaultAsync(p => p.Slug == s.Slug, ct);
            if (partnership is null)
            {
                continue;
            }

            // Set up once: later runs only add LSOAs that arrived since, so a partnership's own changes are kept.
            if (partnership.AreaDefinition is null)
            {
                partnership.AreaDefinition = CrimeAreaService.LocalAuthorityNamePrefix + s.LocalAuthorityName;
                db.AuditPartnershipId = partnership.Id;
                await db.SaveChangesAsync(ct);
                await groups.AddUsualGroupsAsync(partnership.Id, ct);
                for (var year = s.FirstYear; year <= s.LastYear; year++)
                {
                    await denominators.AddIfMissingAsync(partnership.Id, DenominatorKind.Residents, year, s.Residents, s.Source, ct);
                    await denominators.AddIfMissingAsync(partnership.Id, DenominatorKind.Dwellings, year, s.Dwellings, s.Source, ct);
                }
            }

            await areas.ResolveAsync(partnership.Id, ct);
        }
    }
}
