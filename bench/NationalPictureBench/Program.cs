using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Crime;
using SaferPlan.Core.Data;
using SaferPlan.Core.Indicators;

// The national picture under load (issue 14): the real app over the dashboard benchmark's database (300 partnerships, its
// Seeder), to which NationalSeeder adds national crime data in the app's own tables: 43 forces, 320 comparator areas
// (local authorities) of about 94 LSOAs each (30,080 LSOAs), residents per area per year, and 24 months of counts in the
// shape the importer writes (one CrimeCount row per force, month and LSOA: 721,920 rows); each partnership gets one
// area's LSOAs, its residents, two crime groups and an indicator with 36 monthly values and a 2010/11 target. 1 client,
// then 32 clients, each one request at a time, call for a bounded time (after 2 s of warm-up) each of:
//   GET /api/partnerships/{slug}/peers?from=2010-04&to=2011-03              every crime type against the comparator group
//   GET /api/partnerships/{slug}/peers?from=…&to=…&group=serious-acquisitive-crime
//   GET /api/indicators/{id}/spc
//   GET /partnerships/{slug}/assessment?from=2010-04&to=2011-03              as a visitor, and as a signed-in analyst
//   GET /api/partnerships/{slug}/crime/spc?group=serious-acquisitive-crime
// Usage: dotnet run -c Release --project bench/NationalPictureBench -- [seconds per phase, default 20] [sqlite|postgres|both]
return await PageBench.OnProvidersAsync(args, NationalPictureBench.RunAsync);

internal static class NationalPictureBench
{
    private const string Group = "serious-acquisitive-crime";

    public static async Task<bool> RunAsync(string provider, int seconds, string? postgresAdmin)
    {
        await using var server = await BenchServer.StartAsync(postgresAdmin, "--SaferPlan:RateLimits:SignInPerMinute=1000");
        var seedWatch = Stopwatch.StartNew();
        var seeded = await Seeder.SeedAsync(server.Services);
        var national = await NationalSeeder.SeedAsync(server.Services);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{provider}: seeded {seeded.Partnerships} partnerships, {seeded.Milestones:N0} milestones, {seeded.Updates:N0} updates; {national.Areas} comparator areas, {national.Lsoas:N0} LSOAs, {national.Counts:N0} count rows ({national.Crimes:N0} crimes) in {seedWatch.Elapsed.TotalSeconds:0.0} s"));

        var index = Seeder.Partnerships / 2;
        var slug = Seeder.Slug(index);
        await Seeder.TokenAsync(server.Services, slug, PartnershipRole.Analyst);
        var cookie = await PageBench.SignInAsync(server.BaseAddress, "analyst@bench.example.org");
        var window = $"from={NationalSeeder.WindowFrom}&to={NationalSeeder.WindowTo}";
        var phases = new (string Name, string Path, string? Cookie)[]
        {
            ("peers API, every type", $"/api/partnerships/{slug}/peers?{window}", null),
            ("peers API, one group", $"/api/partnerships/{slug}/peers?{window}&group={Group}", null),
            ("indicator SPC API", $"/api/indicators/{NationalSeeder.IndicatorIdOf(index)}/spc", null),
            ("assessment page, visitor", $"/partnerships/{slug}/assessment?{window}", null),
            ("assessment page, analyst", $"/partnerships/{slug}/assessment?{window}", cookie),
            ("crime SPC API, one group", $"/api/partnerships/{slug}/crime/spc?group={Group}", null),
        };

        return await PageBench.RunPhasesAsync(server.BaseAddress, provider, phases, seconds);
    }
}

/// <summary>
/// National crime data in the app's own tables, written in bulk as <see cref="Seeder"/> writes its rows: 43 forces; 320
/// comparator areas ("Benchshire District 000"), each with 94 LSOAs named as police.uk names them ("Benchshire District 000
/// 012A", so <see cref="ComparatorAreaService.LocalAuthorityOf"/> finds the area) and residents for 2009–2011; one
/// <see cref="CrimeImport"/> per force and month and one <see cref="CrimeCount"/> per force, month and LSOA
/// (<see cref="CrimeTally.FormatCounts"/>), 24 months from April 2009, the areas' rates differing so the comparator group
/// means something. Partnership i is given area i's LSOAs (<see cref="PartnershipLsoa"/>), its residents
/// (<see cref="AreaDenominator"/>), "All crime" and "Serious acquisitive crime" groups and a monthly indicator with 36
/// values (April 2008 on) and an at-most target for 2010/11.
/// </summary>
internal static class NationalSeeder
{
    public const int Forces = 43;
    public const int Areas = 320;
    public const int LsoasPerArea = 94;
    public const int FirstMonth = 200904;
    public const int Months = 24;
    public const string WindowFrom = "2010-04";
    public const string WindowTo = "2011-03";
    private const int ResidentsPerLsoa = 1_600;

    // Crimes per LSOA per month by type id (1 = anti-social behaviour … 14 = violence and sexual offences), roughly as in England.
    private static readonly double[] Rates = [0, 3.2, 0.25, 0.55, 0.9, 0.3, 0.1, 1.0, 0.05, 0.3, 0.08, 0.5, 0.12, 0.55, 1.3];

    public static int IndicatorIdOf(int partnershipIndex) => partnershipIndex + 1;

    public static async Task<(int Areas, int Lsoas, int Counts, long Crimes)> SeedAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaferPlanDbContext>();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        await db.Database.OpenConnectionAsync();
        var random = new Random(20_090_401);
        var importedAt = new DateTimeOffset(2011, 4, 28, 9, 0, 0, TimeSpan.Zero);

        var forces = Enumerable.Range(0, Forces).Select(f => new PoliceForce { Id = f + 1, Key = $"bench-force-{f:00}", Name = $"Bench Force {f:00} Police" }).ToList();
        var imports = new List<CrimeImport>();
        foreach (var force in forces)
        {
            for (var m = 0; m < Months; m++)
            {
                imports.Add(new CrimeImport
                {
                    Id = imports.Count + 1, ForceId = force.Id, Month = MonthKey(m), FileName = $"{MonthText(m)}-{force.Key}-street.csv",
                    ImportedAt = importedAt, ImportedBy = "Benchmark", Synthetic = true,
                });
            }
        }

        var areas = new List<ComparatorArea>();
        var lsoas = new List<Lsoa>();
        var populations = new List<AreaPopulation>();
        var partnershipLsoas = new List<PartnershipLsoa>();
        var denominators = new List<AreaDenominator>();
        var areaFactor = new double[Areas];
        for (var a = 0; a < Areas; a++)
        {
            var name = $"Benchshire District {a:000}";
            areas.Add(new ComparatorArea { Id = a + 1, Name = name, Code = $"E0{7000000 + a}" });
            areaFactor[a] = 0.5 + (random.NextDouble() * 1.2);
            for (var k = 0; k < LsoasPerArea; k++)
            {
                var lsoa = new Lsoa { Id = lsoas.Count + 1, Code = $"E0{1000000 + lsoas.Count}", Name = $"{name} {k + 1:000}{(char)('A' + (k % 4))}", ComparatorAreaId = a + 1 };
                lsoas.Add(lsoa);
                if (a < Seeder.Partnerships)
                {
                    partnershipLsoas.Add(new PartnershipLsoa { PartnershipId = a + 1, LsoaId = lsoa.Id });
                }
            }

            for (var year = 2009; year <= 2011; year++)
            {
                var residents = (int)(LsoasPerArea * ResidentsPerLsoa * (0.9 + (0.2 * ((a * 7) % 10) / 10.0)) * (1 + ((year - 2009) * 0.01)));
                populations.Add(new AreaPopulation { Id = populations.Count + 1, ComparatorAreaId = a + 1, Year = year, Residents = residents, Dwellings = residents * 10 / 23, Source = "Benchmark", Synthetic = true });
                if (a < Seeder.Partnerships)
                {
                    denominators.Add(new AreaDenominator { Id = denominators.Count + 1, PartnershipId = a + 1, Kind = DenominatorKind.Residents, Year = year, Value = residents, Source = "Benchmark", Version = 1 });
                }
            }
        }

        await Bulk.InsertAsync(db, forces);
        await Bulk.InsertAsync(db, imports);
        await Bulk.InsertAsync(db, areas);
        await Bulk.InsertAsync(db, lsoas);
        await Bulk.InsertAsync(db, populations);
        await Bulk.InsertAsync(db, partnershipLsoas);
        await Bulk.InsertAsync(db, denominators);

        // One row per force, month and LSOA, every type's count in it, as the importer writes them.
        var counts = new List<CrimeCount>(50_000);
        var written = 0;
        long crimes = 0;
        var row = new (short, int)[Rates.Length - 1];
        foreach (var lsoa in lsoas)
        {
            var area = lsoa.ComparatorAreaId!.Value - 1;
            var forceId = (area % Forces) + 1;
            var lsoaFactor = areaFactor[area] * (0.4 + (random.NextDouble() * 1.2));
            for (var m = 0; m < Months; m++)
            {
                var season = 1 + (0.15 * Math.Sin(2 * Math.PI * (m + 3) / 12.0));
                for (var t = 1; t < Rates.Length; t++)
                {
                    var mean = Rates[t] * lsoaFactor * season;
                    var count = (int)Math.Floor(mean + (random.NextDouble() * 2 * Math.Sqrt(mean + 0.25)) - Math.Sqrt(mean + 0.25) + 0.5);
                    row[t - 1] = ((short)t, Math.Max(0, count));
                    crimes += Math.Max(0, count);
                }

                counts.Add(new CrimeCount { ForceId = forceId, Month = MonthKey(m), LsoaId = lsoa.Id, Counts = CrimeTally.FormatCounts(row) });
                if (counts.Count == counts.Capacity)
                {
                    await Bulk.InsertAsync(db, counts);
                    written += counts.Count;
                    counts.Clear();
                }
            }
        }

        await Bulk.InsertAsync(db, counts);
        written += counts.Count;

        var groups = new List<CrimeGroup>();
        var members = new List<CrimeGroupMember>();
        var indicators = new List<Indicator>();
        var values = new List<IndicatorValue>();
        var targets = new List<IndicatorTarget>();
        (string Key, string Name, short[] Types)[] groupShapes =
        [
            ("all-crime", "All crime", [.. Enumerable.Range(2, 13).Select(t => (short)t)]),
            ("serious-acquisitive-crime", "Serious acquisitive crime", [3, 10, 13]),
        ];
        for (var p = 0; p < Seeder.Partnerships; p++)
        {
            foreach (var shape in groupShapes)
            {
                var group = new CrimeGroup { Id = groups.Count + 1, PartnershipId = p + 1, Key = shape.Key, Name = shape.Name, SortOrder = groups.Count % 2, Version = 1 };
                groups.Add(group);
                members.AddRange(shape.Types.Select(t => new CrimeGroupMember { GroupId = group.Id, CrimeTypeId = t }));
            }

            var indicator = new Indicator
            {
                Id = IndicatorIdOf(p), PartnershipId = p + 1, Code = "NI16", Name = "Serious acquisitive crime", Unit = IndicatorUnit.Count,
                Polarity = Polarity.LowerIsBetter, Frequency = IndicatorFrequency.Monthly, Source = IndicatorSource.Manual, SortOrder = 1, Version = 1,
            };
            indicators.Add(indicator);
            for (var m = 0; m < 36; m++)
            {
                var day = new DateOnly(2008, 4, 1).AddMonths(m);
                var month = (day.Year * 100) + day.Month;
                values.Add(new IndicatorValue
                {
                    Id = values.Count + 1, IndicatorId = indicator.Id, FromMonth = month, ToMonth = month, Value = 200 + random.Next(-25, 26) - (m > 24 ? 15 : 0),
                    Source = "Police performance team", EnteredBy = "Analyst", EnteredAt = importedAt, Version = 1,
                });
            }

            targets.Add(new IndicatorTarget { Id = targets.Count + 1, IndicatorId = indicator.Id, Year = 2010, Kind = TargetKind.AtMost, Number = 2_300, AmberTolerance = 50, Version = 1 });
        }

        await Bulk.InsertAsync(db, groups);
        await Bulk.InsertAsync(db, members);
        await Bulk.InsertAsync(db, indicators);
        await Bulk.InsertAsync(db, values);
        await Bulk.InsertAsync(db, targets);
        await db.Partnerships.ExecuteUpdateAsync(x => x.SetProperty(p => p.AreaDefinition, $"Benchmark: {LsoasPerArea} LSOAs"));
        await Bulk.AfterAsync(db, "PoliceForces", "CrimeImports", "ComparatorAreas", "Lsoas", "AreaPopulations", "AreaDenominators", "CrimeGroups", "Indicators", "IndicatorValues", "IndicatorTargets");
        return (areas.Count, lsoas.Count, written, crimes);
    }

    private static int MonthKey(int m)
    {
        var first = new DateOnly(FirstMonth / 100, FirstMonth % 100, 1).AddMonths(m);
        return (first.Year * 100) + first.Month;
    }

    private static string MonthText(int m) => string.Create(CultureInfo.InvariantCulture, $"{MonthKey(m) / 100}-{MonthKey(m) % 100:00}");
}
