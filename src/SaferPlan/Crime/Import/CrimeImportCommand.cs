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
        return crime;
    }

    private static Command Import()
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "police.uk street files (YYYY-MM-force-street.csv) or folders, searched recursively for *-street.csv.",
            Arity = ArgumentArity.OneOrMore,
        };
        var import = new Command("import", "Load police.uk street-level crime files as monthly counts. Loading a force-month again replaces it. "
            + "A malformed file is refused whole, with its line and reason; the others still load. Exits 1 if any file was refused.")
        {
            paths,
        };
        import.SetAction(async (parse, ct) => await SaferPlanCommandLine.WithDataServicesAsync(
            s => s.AddScoped<CrimeImporter>().AddScoped<CrimeAreaService>(),
            async services =>
        {
            // As `demo load` does: a first import into a new database brings its tables up to date first, in a scope of
            // its own, while the files are already being read (reading needs no database).
            var (files, missing) = CrimeFileFinder.Find(parse.GetValue(paths)!);
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
                $"Loaded {result.Loaded.Count:N0} file(s), {result.Rows:N0} rows ({withoutLocation:N0} without a location){syntheticNote}. Refused {refused.Count:N0} file(s)."));
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
        var generate = new Command("generate", "Write SYNTHETIC police.uk-format street files for Cambridgeshire's districts at realistic volumes, "
            + "with an ONS-style LSOA lookup (lsoa-lookup.csv) and a notice (SYNTHETIC.txt) that marks an import of the folder as synthetic.")
        {
            output, from, to, crlf,
        };
        generate.SetAction(async (parse, ct) =>
        {
            if (!CalendarMonth.TryParse(parse.GetValue(from), out var first) || !CalendarMonth.TryParse(parse.GetValue(to), out var last) || last < first)
            {
                await Console.Error.WriteLineAsync($"saferplan: give --from and --to as months written YYYY-MM, the first not after the last, e.g. --from 2007-04 --to 2011-03.");
                return 2;
            }

            var folder = Path.GetFullPath(parse.GetValue(output)!);
            var result = SyntheticPoliceUk.Cambridgeshire().WriteFolder(folder, first, last, parse.GetValue(crlf));
            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Wrote {result.Files.Count:N0} SYNTHETIC street files ({result.Rows:N0} rows, {first} to {last}) and {Path.GetFileName(result.LookupFile)} to {folder}."));
            return 0;
        });
        return generate;
    }
}
