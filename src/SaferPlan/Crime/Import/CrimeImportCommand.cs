using System.CommandLine;
using SaferPlan.Cli;

namespace SaferPlan.Crime.Import;

/// <summary><c>saferplan crime import</c> and <c>saferplan crime generate</c>: loading police.uk street files, and making synthetic ones.</summary>
public static class CrimeImportCommand
{
    public static Command Create()
    {
        var crime = new Command("crime", "Recorded crime from police.uk.");
        crime.Subcommands.Add(Import());
        crime.Subcommands.Add(Generate());
        crime.Subcommands.Add(Population());
        return crime;
    }

    private static Command Import()
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "police.uk street files (YYYY-MM-force-street.csv), folders searched at any depth for *-street.csv, or the .zip police.uk serves (read without unpacking).",
            Arity = ArgumentArity.OneOrMore,
        };
        var import = new Command("import", "Load police.uk street-level crime files as monthly counts. Loading a force-month again replaces it. "
            + "A malformed file is refused whole, with its line and reason; the others still load. Exits 1 if any file was refused.")
        {
            paths,
        };
        import.SetAction(async (parse, ct) => await SaferPlanCommandLine.WithDataServicesAsync(
            s => s.AddScoped<CrimeImporter>().AddScoped<CrimeAreaService>().AddScoped<ComparatorAreaService>(),
            async services =>
        {
            // As `demo load` does: a first import into a new database brings its tables up to date first, in a scope of
            // its own, while the files are already being read (reading needs no database).
            using var download = PoliceUkDownload.Open(parse.GetValue(paths)!);
            var (files, missing) = (download.Files, download.Missing);
            var migration = Task.Run(
                async () =>
                {
                    await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
                    await DatabaseMigration.MigrateAsync(scope.ServiceProvider, ct);
                },
                ct);
            var result = await services.GetRequiredService<CrimeImporter>().ImportAsync(files, databaseReady: migration, cancellationToken: ct);
            var refused = missing.Concat(result.Refused).ToList();
            var synthetic = result.Loaded.Count(f => f.Synthetic);
            var withoutLocation = result.Loaded.Sum(f => (long)f.RowsWithoutLocation);
            var syntheticNote = synthetic > 0 ? string.Create(CultureInfo.InvariantCulture, $"; {synthetic:N0} of the files are SYNTHETIC demo data") : "";
            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Loaded {result.Loaded.Count:N0} file(s), {result.Rows:N0} rows ({withoutLocation:N0} without a location){syntheticNote}. Refused {refused.Count:N0} file(s). Skipped {download.Skipped:N0} outcomes or stop-and-search file(s)."));
            foreach (var refusal in refused)
            {
                await Console.Out.WriteLineAsync($"Refused {refusal}");
            }

            if (files.Count == 0 && missing.Count == 0)
            {
                await Console.Error.WriteLineAsync("saferplan: no *-street.csv files were found under the paths given.");
                return 1;
            }

            return refused.Count == 0 ? 0 : 1;
        }));
        return import;
    }

    private static Command Generate()
    {
        var output = new Option<string>("--out") { Description = "The folder to write YYYY-MM/YYYY-MM-cambridgeshire-street.csv files into.", Required = true };
        var from = new Option<string>("--from") { Description = "The first month, YYYY-MM.", DefaultValueFactory = _ => "2007-04" };
        var to = new Option<string>("--to") { Description = "The last month, YYYY-MM.", DefaultValueFactory = _ => "2011-08" };
        var crlf = new Option<bool>("--crlf") { Description = "End lines with CRLF, as some downloads do, rather than LF." };
        var forces = new Option<int?>("--forces")
        {
            Description = "Write a national-shaped archive of this many invented forces (43 as in England and Wales), each with several local authorities, instead of Cambridgeshire.",
        };
        var scale = new Option<double>("--scale") { Description = "Multiply the volumes (1: real force-month sizes).", DefaultValueFactory = _ => 1 };
        var generate = new Command("generate", "Write SYNTHETIC police.uk-format street files for Cambridgeshire's districts at realistic volumes, "
            + "with an ONS-style LSOA lookup (lsoa-lookup.csv), the districts' residents and dwellings (population.csv, its Synthetic column true) "
            + "and a notice (SYNTHETIC.txt) that marks an import of the folder as synthetic.")
        {
            output, from, to, crlf, forces, scale,
        };
        generate.SetAction(async (parse, ct) =>
        {
            if (!CalendarMonth.TryParse(parse.GetValue(from), out var first) || !CalendarMonth.TryParse(parse.GetValue(to), out var last) || last < first)
            {
                await Console.Error.WriteLineAsync($"saferplan: give --from and --to as months written YYYY-MM, the first not after the last, e.g. --from 2007-04 --to 2011-03.");
                return 2;
            }

            var forceCount = parse.GetValue(forces);
            if (forceCount is < 1 or > 129 || parse.GetValue(scale) is <= 0 or > 100)
            {
                await Console.Error.WriteLineAsync("saferplan: give --forces as a number from 1 to 129 and --scale above 0 (at most 100).");
                return 2;
            }

            var folder = Path.GetFullPath(parse.GetValue(output)!);
            var generators = forceCount is { } n
                ? SyntheticPoliceUk.National(n, parse.GetValue(scale))
                : [SyntheticPoliceUk.Cambridgeshire(parse.GetValue(scale))];
            var result = SyntheticPoliceUk.WriteArchive(folder, generators, first, last, parse.GetValue(crlf));
            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Wrote {result.Files.Count:N0} SYNTHETIC street files ({result.Rows:N0} rows, {first} to {last}), {Path.GetFileName(result.LookupFile)} and {Path.GetFileName(result.PopulationFile)} to {folder}."));
            return 0;
        });
        return generate;
    }

    private static Command Population()
    {
        var file = new Argument<string>("FILE") { Description = "An ONS-style CSV: area code, area name, year, residents, dwellings (and optionally synthetic)." };
        var population = new Command("population", "Load residents and dwellings per comparator area (local authority) and year. Areas are matched by code, "
            + "else by name; a name not known yet becomes a new area. A file with any bad line is refused whole, each line named; exits 1 then.")
        {
            file,
        };
        population.SetAction(async (parse, ct) => await SaferPlanCommandLine.WithServicesAsync(async services =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                await Console.Error.WriteLineAsync($"saferplan: there is no file {path}.");
                return 1;
            }

            await DatabaseMigration.MigrateAsync(services, ct);
            await using var stream = File.OpenRead(path);
            var result = await services.GetRequiredService<AreaPopulationService>().LoadAsync(stream, Path.GetFileName(path), ct);
            if (!result.Succeeded)
            {
                await Console.Out.WriteLineAsync($"Refused {path}: nothing from it was kept.");
                foreach (var line in result.Errors.Values)
                {
                    await Console.Out.WriteLineAsync(line);
                }

                return 1;
            }

            var loaded = result.Value;
            var synthetic = loaded.Synthetic > 0 ? string.Create(CultureInfo.InvariantCulture, $"; {loaded.Synthetic:N0} of them SYNTHETIC") : "";
            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Loaded {loaded.Rows:N0} area-year figure(s){synthetic}; {loaded.AreasCreated:N0} new comparator area(s)."));
            return 0;
        }));
        return population;
    }
}
