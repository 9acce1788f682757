using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using SaferPlan.Core.Auditing;

namespace SaferPlan.Core.Crime;

/// <summary>One file to load: its name (shown in refusals and on the import list), how to read it, and whether SaferPlan's generator made it.</summary>
public sealed record CrimeFileSource(string Name, Func<TextReader> Open, bool Synthetic);

/// <summary>A file that loaded: the force-month it replaced and how many rows it held.</summary>
public sealed record LoadedCrimeFile(string File, string ForceKey, string ForceName, CalendarMonth Month, int Rows, int RowsWithoutLocation, bool Synthetic);

/// <summary>What an import did: the files loaded and the files refused, each refusal with its line and reason.</summary>
public sealed record CrimeImportResult(IReadOnlyList<LoadedCrimeFile> Loaded, IReadOnlyList<CrimeFileRefusal> Refused)
{
    public long Rows => Loaded.Sum(f => (long)f.Rows);

    public bool Succeeded => Refused.Count == 0;
}

/// <summary>One loaded force-month on the list of imports.</summary>
public sealed record CrimeImportListItem(
    int Id, string ForceKey, string ForceName, CalendarMonth Month, string FileName, int Rows, int RowsWithoutLocation,
    DateTimeOffset ImportedAt, string ImportedBy, bool Synthetic);

/// <summary>How far an import has got, for a progress bar: files finished of the total, and rows loaded so far.</summary>
public sealed record CrimeImportProgress(int FilesDone, int FilesTotal, string File, long Rows);

/// <summary>
/// Loads police.uk street files as monthly counts. Each file is read and checked in full before anything is written, then
/// its force-month is replaced, whole, in a transaction with the other files read by then, so a refused file leaves
/// nothing behind and loading a file twice leaves the same totals. Files are read and turned into rows in parallel
/// (one per core) while the database's one writer takes them a batch at a time.
/// </summary>
public sealed class CrimeImporter(SaferPlanDbContext db, IActorAccessor actor, TimeProvider time, CrimeAreaService areas, ComparatorAreaService comparatorAreas)
{
    /// <summary>
    /// About how many street-file rows go into one transaction (at most what has been read and waits: see
    /// <see cref="ReadAhead"/>). Few, large transactions: each commit of SQLite's rollback journal writes out every page
    /// of the count table's LSOA index the transaction touched, so 200,000 rows a transaction spent about three times
    /// as long committing on a national archive (measured with bench/CrimeImportBench).
    /// </summary>
    private const int RowsPerTransaction = 1_000_000;

    /// <summary>
    /// How many files may wait, read, for the database: enough to fill a transaction and to keep reading while a new
    /// database is being created, few enough to bound memory (a file read holds a few hundred kilobytes until it is turned into rows).
    /// </summary>
    private const int ReadAhead = 64;

    private static readonly BulkTable CountTable = new(
        "CrimeCounts",
        ("ForceId", NpgsqlDbType.Integer), ("Month", NpgsqlDbType.Integer), ("LsoaId", NpgsqlDbType.Integer),
        ("Counts", NpgsqlDbType.Text), ("Outcomes", NpgsqlDbType.Text));

    private static readonly BulkTable LsoaTable = new("Lsoas", ("Code", NpgsqlDbType.Varchar), ("Name", NpgsqlDbType.Varchar));

    private static readonly BulkTable OutcomeTable = new("CrimeOutcomes", ("Id", NpgsqlDbType.Integer), ("Name", NpgsqlDbType.Varchar));

    private Dictionary<string, int>? lsoaIds;
    private Dictionary<int, string>? lsoaNames;
    private OutcomeRegistry? outcomes;
    private HashSet<(int ForceId, int Month)>? knownImports;
    private Dictionary<string, PoliceForce>? forces;

    /// <summary>Who the import rows name as having loaded them; the signed-in user or the command line's operator by default.</summary>
    public string? ImportedBy { get; set; }

    /// <summary>
    /// Loads the files. <paramref name="parallelReads"/> is how many are read at once (default: one per core); give 1 when
    /// the sources share one underlying stream, as the files of one uploaded form do. Reading starts at once; the database
    /// is first touched once <paramref name="databaseReady"/> has finished (a migration running alongside, say).
    /// </summary>
    public async Task<CrimeImportResult> ImportAsync(
        IReadOnlyList<CrimeFileSource> files,
        IProgress<CrimeImportProgress>? progress = null,
        int? parallelReads = null,
        Task? databaseReady = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        var loaded = new List<LoadedCrimeFile>();
        var refused = new List<CrimeFileRefusal>();
        var read = Channel.CreateBounded<(CrimeFileSource Source, StreetFileCounts? Counts, CrimeFileRefusal? Refusal)>(
            new BoundedChannelOptions(ReadAhead) { SingleReader = true });

        // Once outcome ids are known (new outcomes get theirs as they are met), each reader turns its file into rows, in
        // parallel, and the database's one writer only writes them. Files read before then are turned into rows by the writer.
        var registry = new StrongBox<OutcomeRegistry?>(outcomes);
        var reading = ReadAllAsync(files, registry, read.Writer, parallelReads ?? Environment.ProcessorCount, cancellationToken);
        if (databaseReady is not null)
        {
            await databaseReady;
        }

        outcomes ??= new OutcomeRegistry(await db.Set<CrimeOutcome>().AsNoTracking().ToDictionaryAsync(o => o.Name, o => o.Id, StringComparer.Ordinal, cancellationToken));
        Volatile.Write(ref registry.Value, outcomes);
        long rows = 0;
        var batch = new List<(CrimeFileSource Source, StreetFileCounts Counts)>();
        while (await read.Reader.WaitToReadAsync(cancellationToken))
        {
            // Whatever has been read by now goes in together, in one transaction, up to a bound on its size: the
            // database does the per-transaction work (the stamps, the commit) once for many files.
            var batchRows = 0;
            while (batchRows < RowsPerTransaction && read.Reader.TryRead(out var item))
            {
                if ((item.Refusal ?? (item.Counts!.Prepared ? null : item.Counts.PrepareRows(outcomes))) is { } refusal)
                {
                    refused.Add(refusal);
                }
                else
                {
                    batch.Add((item.Source, item.Counts!));
                    batchRows += item.Counts!.Rows;
                }
            }

            if (batch.Count > 0)
            {
                loaded.AddRange(await SaveAsync(batch, cancellationToken));
                rows += batchRows;
                batch.Clear();
            }

            progress?.Report(new CrimeImportProgress(loaded.Count + refused.Count, files.Count, loaded.Count > 0 ? loaded[^1].File : refused[^1].File, rows));
        }

        await reading;
        if (loaded.Count > 0)
        {
            await ResolveAreasAsync(cancellationToken);
        }

        loaded.Sort((a, b) => (a.Month, a.ForceKey).CompareTo((b.Month, b.ForceKey)));
        return new CrimeImportResult(loaded, refused);
    }

    /// <summary>Reads the files, <paramref name="parallelReads"/> at once, into <paramref name="read"/>, which is completed at the end (with the failure, if one stops the reading).</summary>
    private static Task ReadAllAsync(
        IReadOnlyList<CrimeFileSource> files, StrongBox<OutcomeRegistry?> registry, ChannelWriter<(CrimeFileSource Source, StreetFileCounts? Counts, CrimeFileRefusal? Refusal)> read,
        int parallelReads, CancellationToken cancellationToken) =>
        Task.Run(
            async () =>
            {
                try
                {
                    await Parallel.ForEachAsync(
                        files,
                        new ParallelOptions { MaxDegreeOfParallelism = parallelReads, CancellationToken = cancellationToken },
                        async (source, ct) =>
                        {
                            var (counts, refusal) = ReadOne(source, registry);
                            await read.WriteAsync((source, counts, refusal), ct);
                        });
                    read.Complete();
                }
                catch (Exception ex)
                {
                    read.Complete(ex);
                }
            },
            cancellationToken);

    /// <summary>One file read and turned into rows (once outcome ids are known), or why it is refused (including a file that cannot be opened).</summary>
    private static (StreetFileCounts? Counts, CrimeFileRefusal? Refusal) ReadOne(CrimeFileSource source, StrongBox<OutcomeRegistry?> registry)
    {
        try
        {
            using var text = source.Open();
            var result = PoliceUkStreetFile.Read(text, source.Name);
            return Volatile.Read(ref registry.Value) is { } known && result.Counts?.PrepareRows(known) is { } refusal ? (null, refusal) : result;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return (null, new CrimeFileRefusal(source.Name, null, $"The file could not be read: {ex.Message}"));
        }
    }

    /// <summary>
    /// Areas set by local authority name take in the LSOAs that arrived with the files, so every reader of an area (the
    /// crime figures, derived indicators) sees the same list.
    /// </summary>
    private async Task ResolveAreasAsync(CancellationToken cancellationToken)
    {
        foreach (var partnershipId in await db.Partnerships.Where(p => p.AreaDefinition != null).Select(p => p.Id).ToListAsync(cancellationToken))
        {
            await areas.ResolveAsync(partnershipId, cancellationToken);
        }
    }

    /// <summary>The force-months loaded, newest first, with who loaded each and whether it was synthetic.</summary>
    public async Task<(IReadOnlyList<CrimeImportListItem> Items, int Total)> ListAsync(int take, CancellationToken cancellationToken = default)
    {
        var total = await db.Set<CrimeImport>().CountAsync(cancellationToken);
        var rows = await db.Set<CrimeImport>().AsNoTracking()
            .OrderByDescending(i => i.Month).ThenBy(i => i.Force.Name)
            .Take(take)
            .Select(i => new { i.Id, ForceKey = i.Force.Key, ForceName = i.Force.Name, i.Month, i.FileName, i.Rows, i.RowsWithoutLocation, i.ImportedAt, i.ImportedBy, i.Synthetic })
            .ToListAsync(cancellationToken);
        return (rows.Select(r => new CrimeImportListItem(
            r.Id, r.ForceKey, r.ForceName, CalendarMonth.FromKey(r.Month), r.FileName, r.Rows, r.RowsWithoutLocation, r.ImportedAt, r.ImportedBy, r.Synthetic)).ToList(), total);
    }

    /// <summary>
    /// Replaces the force-months of <paramref name="batch"/> in one transaction: their old counts go, the new ones go in
    /// in key order, one row per LSOA (so the B-trees are appended to rather than split all over), and every partnership's stamp moves on.
    /// </summary>
    private async Task<List<LoadedCrimeFile>> SaveAsync(List<(CrimeFileSource Source, StreetFileCounts Counts)> batch, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await AddNewLsoasAsync(batch.Select(b => b.Counts), ct);

        // New LSOAs join their local authority's comparator area once, as they are written (so do any older ones not placed yet).
        await comparatorAreas.PlaceUnplacedAsync(ct);
        await BulkInsertAsync(OutcomeTable, outcomes!.TakeUnsaved(batch.SelectMany(b => b.Counts.OutcomeIds)).Select(o => new object?[] { o.Id, o.Name }), ct);
        var given = new List<(StreetFileCounts File, PoliceForce Force, bool Synthetic)>(batch.Count);
        foreach (var (source, counts) in batch)
        {
            given.Add((counts, await ForceAsync(counts, ct), source.Synthetic));
        }

        // The same force-month twice in one batch: the later file wins, as it would had they come in two imports.
        var files = given.GroupBy(f => (f.Force.Id, f.File.Name.Month.Key)).Select(g => g.Last()).OrderBy(f => (f.Force.Id, f.File.Name.Month.Key)).ToList();

        // Only force-months loaded before are read back (to be replaced); the rest are new rows.
        knownImports ??= (await db.Set<CrimeImport>().AsNoTracking().Select(i => new { i.ForceId, i.Month }).ToListAsync(ct)).Select(i => (i.ForceId, i.Month)).ToHashSet();
        var again = files.Where(f => knownImports.Contains((f.Force.Id, f.File.Name.Month.Key))).ToList();
        var forceIds = again.Select(f => f.Force.Id).Distinct().ToList();
        var months = again.Select(f => f.File.Name.Month.Key).Distinct().ToList();
        var imports = again.Count == 0
            ? []
            : (await db.Set<CrimeImport>().Where(i => forceIds.Contains(i.ForceId) && months.Contains(i.Month)).ToListAsync(ct)).ToDictionary(i => (i.ForceId, i.Month));
        foreach (var (file, force, _) in files)
        {
            var month = file.Name.Month.Key;
            if (imports.ContainsKey((force.Id, month)))
            {
                await db.Set<CrimeCount>().Where(c => c.ForceId == force.Id && c.Month == month).ExecuteDeleteAsync(ct);
            }
        }

        await InsertCountsAsync(files.SelectMany(f => CountRows(f.Force.Id, f.File)), ct);

        var now = time.GetUtcNow();
        var by = ImportedBy ?? actor.Current.Name;
        foreach (var (file, force, synthetic) in files)
        {
            if (!imports.TryGetValue((force.Id, file.Name.Month.Key), out var import))
            {
                import = new CrimeImport { ForceId = force.Id, Month = file.Name.Month.Key, FileName = "", ImportedBy = "" };
                db.Add(import);
            }

            import.FileName = Path.GetFileName(file.FileName);
            import.Rows = file.Rows;
            import.RowsWithoutLocation = file.RowsWithoutLocation;
            import.ImportedAt = now;
            import.ImportedBy = by;
            import.Synthetic = synthetic;
        }

        await db.SaveChangesAsync(ct);

        // Every partnership's derived figures may rest on these force-months, so every cached page must be rebuilt.
        await db.Partnerships.MoveOnChangeStampsAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        knownImports.UnionWith(files.Select(f => (f.Force.Id, f.File.Name.Month.Key)));
        return given.Select(f => new LoadedCrimeFile(f.File.FileName, f.Force.Key, f.Force.Name, f.File.Name.Month, f.File.Rows, f.File.RowsWithoutLocation, f.Synthetic)).ToList();
    }

    private async Task<PoliceForce> ForceAsync(StreetFileCounts file, CancellationToken ct)
    {
        forces ??= await db.Set<PoliceForce>().AsNoTracking().ToDictionaryAsync(f => f.Key, StringComparer.Ordinal, ct);
        if (forces.TryGetValue(file.Name.ForceKey, out var known))
        {
            if (file.Rows > 0 && known.Name != file.ForceName)
            {
                await db.Set<PoliceForce>().Where(f => f.Id == known.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.Name, file.ForceName), ct);
                known.Name = file.ForceName;
            }

            return known;
        }

        var force = new PoliceForce { Key = file.Name.ForceKey, Name = file.ForceName };
        db.Add(force);
        await db.SaveChangesAsync(ct);
        db.Entry(force).State = EntityState.Detached;
        forces[force.Key] = force;
        return force;
    }

    /// <summary>
    /// Adds the LSOAs these files name that are not known yet (a first import adds thousands, so they go in in bulk)
    /// and gives each file the database id of each of its LSOAs, in the file's order.
    /// </summary>
    private async Task AddNewLsoasAsync(IEnumerable<StreetFileCounts> files, CancellationToken ct)
    {
        if (lsoaIds is null || lsoaNames is null)
        {
            var known = await db.Set<Lsoa>().AsNoTracking().Select(l => new { l.Id, l.Code, l.Name }).ToListAsync(ct);
            lsoaIds = known.ToDictionary(l => l.Code, l => l.Id, StringComparer.Ordinal);
            lsoaNames = known.ToDictionary(l => l.Id, l => l.Name);
        }

        var added = new Dictionary<string, string>(StringComparer.Ordinal);
        var renamed = new Dictionary<int, string>();
        foreach (var file in files)
        {
            foreach (var (code, name) in file.Lsoas)
            {
                if (!lsoaIds.TryGetValue(code, out var id))
                {
                    added.TryAdd(code, name);
                }
                else if (!string.Equals(lsoaNames[id], name, StringComparison.Ordinal))
                {
                    // A file with a corrected name (police.uk renames LSOAs; an earlier file may have carried a stray
                    // character) updates the stored one: the latest file read says what the LSOA is called.
                    renamed[id] = name;
                }
            }
        }

        foreach (var (id, name) in renamed)
        {
            await db.Set<Lsoa>().Where(l => l.Id == id).ExecuteUpdateAsync(u => u.SetProperty(l => l.Name, name), ct);
            lsoaNames[id] = name;
        }

        if (added.Count > 0)
        {
            var before = lsoaIds.Count == 0 ? 0 : await db.Set<Lsoa>().MaxAsync(l => l.Id, ct);
            await BulkInsertAsync(LsoaTable, added.Select(l => new object?[] { l.Key, l.Value }), ct);

            // Ids are handed out in increasing order, so the rows just written are those above the highest before.
            foreach (var lsoa in await db.Set<Lsoa>().AsNoTracking().Where(l => l.Id > before).Select(l => new { l.Id, l.Code, l.Name }).ToListAsync(ct))
            {
                lsoaIds[lsoa.Code] = lsoa.Id;
                lsoaNames[lsoa.Id] = lsoa.Name;
            }
        }

        foreach (var file in files)
        {
            file.LsoaIds = file.Lsoas.Select(l => lsoaIds[l.Code]).ToArray();
        }
    }

    /// <summary>A file's rows of <see cref="CountTable"/> (prepared by <see cref="StreetFileCounts.PrepareRows"/>), in LSOA id order.</summary>
    private static IEnumerable<object?[]> CountRows(int forceId, StreetFileCounts file)
    {
        var month = file.Name.Month.Key;
        return file.PreparedRows
            .Select(r => (LsoaId: r.LsoaIndex == 0 ? 0 : file.LsoaIds[r.LsoaIndex - 1], r.Counts, r.Outcomes))
            .OrderBy(r => r.LsoaId)
            .Select(r => new object?[] { forceId, month, r.LsoaId, r.Counts, r.Outcomes });
    }

    /// <summary>
    /// Writes many rows fast and outside the change tracker: binary COPY on PostgreSQL; on SQLite one prepared INSERT
    /// run for each row (binding a few parameters costs less than the many of a multi-row INSERT).
    /// </summary>
    private async Task BulkInsertAsync(BulkTable table, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var columnList = string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""));
        if (connection is NpgsqlConnection npgsql)
        {
            await using var copy = await npgsql.BeginBinaryImportAsync($"COPY \"{table.Name}\" ({columnList}) FROM STDIN (FORMAT BINARY)", ct);
            foreach (var row in rows)
            {
                await copy.StartRowAsync(ct);
                for (var c = 0; c < row.Length; c++)
                {
                    if (row[c] is null)
                    {
                        await copy.WriteNullAsync(ct);
                    }
                    else
                    {
                        await copy.WriteAsync(row[c], table.Columns[c].Type, ct);
                    }
                }
            }

            await copy.CompleteAsync(ct);
            return;
        }

        using var insert = connection.CreateCommand();
        insert.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        insert.CommandText = $"INSERT INTO \"{table.Name}\" ({columnList}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => $"$p{i}"))})";
        var parameters = table.Columns.Select((_, i) =>
        {
            var parameter = insert.CreateParameter();
            parameter.ParameterName = $"$p{i}";
            insert.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        var prepared = false;
        foreach (var row in rows)
        {
            if (!prepared)
            {
                insert.Prepare();
                prepared = true;
            }

            for (var c = 0; c < row.Length; c++)
            {
                parameters[c].Value = row[c] ?? DBNull.Value;
            }

            await insert.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>
    /// Writes count rows. On PostgreSQL as text COPY, one line per row, which costs the client far less than binary COPY
    /// field by field; the values are numbers and tallies of digits, commas, colons and dots (<see cref="CrimeTally"/>),
    /// which need no escaping. On SQLite as <see cref="InsertCountsAsJsonAsync"/>.
    /// </summary>
    private async Task InsertCountsAsync(IEnumerable<object?[]> rows, CancellationToken ct)
    {
        if (db.Database.GetDbConnection() is not NpgsqlConnection npgsql)
        {
            await InsertCountsAsJsonAsync(rows, ct);
            return;
        }

        var columnList = string.Join(", ", CountTable.Columns.Select(c => $"\"{c.Name}\""));
        await using var copy = await npgsql.BeginTextImportAsync($"COPY \"{CountTable.Name}\" ({columnList}) FROM STDIN", ct);
        var line = new System.Text.StringBuilder(256);
        foreach (var row in rows)
        {
            line.Clear();
            for (var c = 0; c < row.Length; c++)
            {
                line.Append(c == 0 ? "" : "\t").Append(row[c] is { } value ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : "\\N");
            }

            await copy.WriteLineAsync(line, ct);
        }
    }

    /// <summary>
    /// Writes count rows on SQLite a few thousand at a time, each lot one JSON array bound to one parameter and unpacked
    /// by SQLite's <c>json_each</c>: one statement run per lot, so the per-row cost is SQLite's own rather than binding
    /// five parameters by name per row (which a profile showed was half the writer's time). The values are numbers and
    /// tallies (<see cref="CrimeTally"/>), written by a JSON writer.
    /// </summary>
    private async Task InsertCountsAsJsonAsync(IEnumerable<object?[]> rows, CancellationToken ct)
    {
        const int RowsPerStatement = 4096;
        using var insert = db.Database.GetDbConnection().CreateCommand();
        insert.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        insert.CommandText =
            $"INSERT INTO \"{CountTable.Name}\" ({string.Join(", ", CountTable.Columns.Select(c => $"\"{c.Name}\""))}) " +
            "SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4 FROM json_each($rows)";
        var parameter = insert.CreateParameter();
        parameter.ParameterName = "$rows";
        insert.Parameters.Add(parameter);
        var json = new System.Buffers.ArrayBufferWriter<byte>(1 << 20);
        using var writer = new System.Text.Json.Utf8JsonWriter(json);
        var count = 0;
        foreach (var row in rows)
        {
            if (count == 0)
            {
                writer.WriteStartArray();
            }

            writer.WriteStartArray();
            for (var c = 0; c < row.Length; c++)
            {
                switch (row[c])
                {
                    case int number:
                        writer.WriteNumberValue(number);
                        break;
                    case string text:
                        writer.WriteStringValue(text);
                        break;
                    default:
                        writer.WriteNullValue();
                        break;
                }
            }

            writer.WriteEndArray();
            if (++count == RowsPerStatement)
            {
                await RunAsync();
            }
        }

        if (count > 0)
        {
            await RunAsync();
        }

        async Task RunAsync()
        {
            writer.WriteEndArray();
            writer.Flush();
            parameter.Value = System.Text.Encoding.UTF8.GetString(json.WrittenSpan);
            await insert.ExecuteNonQueryAsync(ct);
            json.ResetWrittenCount();
            writer.Reset(json);
            count = 0;
        }
    }

    /// <summary>A table written by <see cref="BulkInsertAsync"/>: its name and its columns with their PostgreSQL types.</summary>
    private sealed record BulkTable(string Name, params (string Name, NpgsqlDbType Type)[] Columns);
}

/// <summary>Finds the street files under the paths given on the command line: files as named, folders searched recursively.</summary>
public static class CrimeFileFinder
{
    /// <summary>The file beside generated files (in their folder or a folder above) that marks them as synthetic.</summary>
    public const string SyntheticMarker = "SYNTHETIC.txt";

    public static (IReadOnlyList<CrimeFileSource> Files, IReadOnlyList<CrimeFileRefusal> Missing) Find(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<CrimeFileSource>();
        var missing = new List<CrimeFileRefusal>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var root = Path.GetFullPath(path);
                foreach (var file in Directory.EnumerateFiles(path, "*-street.csv", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    files.Add(Source(file, IsSynthetic(file, root)));
                }
            }
            else if (File.Exists(path))
            {
                files.Add(Source(path, IsSynthetic(path, Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(path))) ?? "/")));
            }
            else
            {
                missing.Add(new CrimeFileRefusal(path, null, "There is no such file or folder."));
            }
        }

        return (files, missing);
    }

    private static CrimeFileSource Source(string path, bool synthetic) =>
        new(path, () => new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 0x10000), synthetic);

    /// <summary>True when <see cref="SyntheticMarker"/> is in the file's folder or any folder above it up to <paramref name="root"/>.</summary>
    private static bool IsSynthetic(string file, string root)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        while (folder is not null)
        {
            if (File.Exists(Path.Combine(folder, SyntheticMarker)))
            {
                return true;
            }

            if (string.Equals(folder.TrimEnd(Path.DirectorySeparatorChar), root.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal))
            {
                return false;
            }

            folder = Path.GetDirectoryName(folder);
        }

        return false;
    }
}
