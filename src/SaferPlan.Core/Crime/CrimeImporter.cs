using System.Data.Common;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using SaferPlan.Core.Auditing;
using SaferPlan.Core.Data;

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
/// its force-month is replaced in one transaction, so a refused file leaves nothing behind and loading a file twice
/// leaves the same totals. Files are read in parallel (one per core) while the database takes them one at a time.
/// </summary>
public sealed class CrimeImporter(SaferPlanDbContext db, IActorAccessor actor, TimeProvider time)
{
    private const int SqliteRowsPerInsert = 32;

    private Dictionary<string, int>? lsoaIds;
    private Dictionary<string, short>? outcomeIds;
    private Dictionary<string, PoliceForce>? forces;

    /// <summary>Who the import rows name as having loaded them; the signed-in user or the command line's operator by default.</summary>
    public string? ImportedBy { get; set; }

    /// <summary>
    /// Loads the files. <paramref name="parallelReads"/> is how many are read at once (default: one per core); give 1 when
    /// the sources share one underlying stream, as the files of one uploaded form do.
    /// </summary>
    public async Task<CrimeImportResult> ImportAsync(
        IReadOnlyList<CrimeFileSource> files,
        IProgress<CrimeImportProgress>? progress = null,
        int? parallelReads = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        var loaded = new List<LoadedCrimeFile>();
        var refused = new List<CrimeFileRefusal>();
        var read = Channel.CreateBounded<(CrimeFileSource Source, StreetFileCounts? Counts, CrimeFileRefusal? Refusal)>(
            new BoundedChannelOptions(Environment.ProcessorCount) { SingleReader = true });

        var reading = Task.Run(
            async () =>
            {
                try
                {
                    await Parallel.ForEachAsync(
                        files,
                        new ParallelOptions { MaxDegreeOfParallelism = parallelReads ?? Environment.ProcessorCount, CancellationToken = cancellationToken },
                        async (source, ct) =>
                        {
                            (StreetFileCounts?, CrimeFileRefusal?) result;
                            try
                            {
                                using var text = source.Open();
                                result = PoliceUkStreetFile.Read(text, source.Name);
                            }
                            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                            {
                                result = (null, new CrimeFileRefusal(source.Name, null, $"The file could not be read: {ex.Message}"));
                            }

                            await read.Writer.WriteAsync((source, result.Item1, result.Item2), ct);
                        });
                    read.Writer.Complete();
                }
                catch (Exception ex)
                {
                    read.Writer.Complete(ex);
                }
            },
            cancellationToken);

        long rows = 0;
        await foreach (var (source, counts, refusal) in read.Reader.ReadAllAsync(cancellationToken))
        {
            if (refusal is not null)
            {
                refused.Add(refusal);
            }
            else
            {
                loaded.Add(await SaveAsync(counts!, source.Synthetic, cancellationToken));
                rows += counts!.Rows;
            }

            progress?.Report(new CrimeImportProgress(loaded.Count + refused.Count, files.Count, source.Name, rows));
        }

        await reading;
        if (loaded.Count > 0)
        {
            // Areas set by local authority name take in the LSOAs that arrived with these files, so every reader of
            // an area (the crime figures, derived indicators) sees the same list.
            var areas = new CrimeAreaService(db);
            foreach (var partnershipId in await db.Partnerships.Where(p => p.AreaDefinition != null).Select(p => p.Id).ToListAsync(cancellationToken))
            {
                await areas.ResolveAsync(partnershipId, cancellationToken);
            }
        }

        loaded.Sort((a, b) => (a.Month, a.ForceKey).CompareTo((b.Month, b.ForceKey)));
        return new CrimeImportResult(loaded, refused);
    }

    /// <summary>The force-months loaded, newest first, with who loaded each and whether it was synthetic.</summary>
    public async Task<(IReadOnlyList<CrimeImportListItem> Items, int Total)> ListAsync(int take, CancellationToken cancellationToken = default)
    {
        var total = await db.Set<CrimeImport>().CountAsync(cancellationToken);
        var rows = await db.Set<CrimeImport>().AsNoTracking()
            .OrderByDescending(i => i.Month).ThenBy(i => i.Force!.Name)
            .Take(take)
            .Select(i => new { i.Id, ForceKey = i.Force!.Key, ForceName = i.Force.Name, i.Month, i.FileName, i.Rows, i.RowsWithoutLocation, i.ImportedAt, i.ImportedBy, i.Synthetic })
            .ToListAsync(cancellationToken);
        return (rows.Select(r => new CrimeImportListItem(
            r.Id, r.ForceKey, r.ForceName, CalendarMonth.FromKey(r.Month), r.FileName, r.Rows, r.RowsWithoutLocation, r.ImportedAt, r.ImportedBy, r.Synthetic)).ToList(), total);
    }

    private async Task<LoadedCrimeFile> SaveAsync(StreetFileCounts file, bool synthetic, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var force = await ForceAsync(file, ct);
        var lsoas = await LsoaIdsAsync(file, ct);
        var outcomes = await OutcomeIdsAsync(file, ct);
        var month = file.Name.Month.Key;

        await db.Set<CrimeCount>().Where(c => c.ForceId == force.Id && c.Month == month).ExecuteDeleteAsync(ct);
        await db.Set<CrimeOutcomeCount>().Where(c => c.ForceId == force.Id && c.Month == month).ExecuteDeleteAsync(ct);

        // Rows go in in key order, so SQLite appends to its B-trees rather than splitting pages all over them.
        var countRows = new int[file.Counts.Count * 5];
        var i = 0;
        foreach (var (key, count) in file.Counts.OrderBy(c => c.Key))
        {
            var (lsoa, type) = StreetFileCounts.SplitCountKey(key);
            countRows[i++] = force.Id;
            countRows[i++] = month;
            countRows[i++] = lsoa == 0 ? 0 : lsoas[lsoa - 1];
            countRows[i++] = type;
            countRows[i++] = count;
        }

        var outcomeRows = new int[file.OutcomeCounts.Count * 6];
        i = 0;
        foreach (var (key, count) in file.OutcomeCounts.OrderBy(c => c.Key))
        {
            var (lsoa, type, outcome) = StreetFileCounts.SplitOutcomeKey(key);
            outcomeRows[i++] = force.Id;
            outcomeRows[i++] = month;
            outcomeRows[i++] = lsoa == 0 ? 0 : lsoas[lsoa - 1];
            outcomeRows[i++] = type;
            outcomeRows[i++] = outcome == 0 ? 0 : outcomes[outcome - 1];
            outcomeRows[i++] = count;
        }

        await InsertAsync("CrimeCounts", ["ForceId", "Month", "LsoaId", "CrimeTypeId", "Count"], [false, false, false, true, false], countRows, ct);
        await InsertAsync("CrimeOutcomeCounts", ["ForceId", "Month", "LsoaId", "CrimeTypeId", "OutcomeId", "Count"], [false, false, false, true, true, false], outcomeRows, ct);

        var import = await db.Set<CrimeImport>().SingleOrDefaultAsync(x => x.ForceId == force.Id && x.Month == month, ct);
        if (import is null)
        {
            import = new CrimeImport { ForceId = force.Id, Month = month, FileName = "", ImportedBy = "" };
            db.Add(import);
        }

        import.FileName = Path.GetFileName(file.FileName);
        import.Rows = file.Rows;
        import.RowsWithoutLocation = file.RowsWithoutLocation;
        import.ImportedAt = time.GetUtcNow();
        import.ImportedBy = ImportedBy ?? actor.Current.Name;
        import.Synthetic = synthetic;
        await db.SaveChangesAsync(ct);

        // Every partnership's derived figures may rest on this force-month, so every cached page must be rebuilt.
        await db.Partnerships.ExecuteUpdateAsync(s => s.SetProperty(p => p.ChangeStamp, p => p.ChangeStamp + 1), ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new LoadedCrimeFile(file.FileName, force.Key, force.Name, file.Name.Month, file.Rows, file.RowsWithoutLocation, synthetic);
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

    /// <summary>The database id of each of the file's LSOAs, in the file's order; LSOAs not seen before are added.</summary>
    private async Task<int[]> LsoaIdsAsync(StreetFileCounts file, CancellationToken ct)
    {
        lsoaIds ??= await db.Set<Lsoa>().AsNoTracking().ToDictionaryAsync(l => l.Code, l => l.Id, StringComparer.Ordinal, ct);
        var added = file.Lsoas.Where(l => !lsoaIds.ContainsKey(l.Code)).Select(l => new Lsoa { Code = l.Code, Name = l.Name }).ToList();
        if (added.Count > 0)
        {
            db.AddRange(added);
            await db.SaveChangesAsync(ct);
            foreach (var lsoa in added)
            {
                lsoaIds[lsoa.Code] = lsoa.Id;
            }
        }

        return file.Lsoas.Select(l => lsoaIds[l.Code]).ToArray();
    }

    private async Task<short[]> OutcomeIdsAsync(StreetFileCounts file, CancellationToken ct)
    {
        outcomeIds ??= await db.Set<CrimeOutcome>().AsNoTracking().ToDictionaryAsync(o => o.Name, o => o.Id, StringComparer.Ordinal, ct);
        var next = (short)(outcomeIds.Count == 0 ? 1 : outcomeIds.Values.Max() + 1);
        foreach (var name in file.Outcomes.Where(o => !outcomeIds.ContainsKey(o)))
        {
            db.Add(new CrimeOutcome { Id = next, Name = name });
            outcomeIds[name] = next++;
        }

        await db.SaveChangesAsync(ct);
        return file.Outcomes.Select(o => outcomeIds[o]).ToArray();
    }

    /// <summary>
    /// Writes many rows fast and outside the change tracker: binary COPY on PostgreSQL, prepared multi-row INSERTs on SQLite.
    /// <paramref name="values"/> holds the rows one after another.
    /// </summary>
    private async Task InsertAsync(string table, string[] columns, bool[] smallint, int[] values, CancellationToken ct)
    {
        var width = columns.Length;
        var rowCount = values.Length / width;
        if (rowCount == 0)
        {
            return;
        }

        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        var columnList = string.Join(", ", columns.Select(c => $"\"{c}\""));
        if (connection is NpgsqlConnection npgsql)
        {
            await using var copy = await npgsql.BeginBinaryImportAsync($"COPY \"{table}\" ({columnList}) FROM STDIN (FORMAT BINARY)", ct);
            for (var row = 0; row < rowCount; row++)
            {
                await copy.StartRowAsync(ct);
                for (var c = 0; c < width; c++)
                {
                    var value = values[(row * width) + c];
                    if (smallint[c])
                    {
                        await copy.WriteAsync((short)value, NpgsqlDbType.Smallint, ct);
                    }
                    else
                    {
                        await copy.WriteAsync(value, NpgsqlDbType.Integer, ct);
                    }
                }
            }

            await copy.CompleteAsync(ct);
            return;
        }

        var sqlite = (SqliteConnection)connection;
        using var full = rowCount >= SqliteRowsPerInsert ? InsertCommand(sqlite, transaction, table, columnList, width, SqliteRowsPerInsert) : null;
        var done = 0;
        if (full is not null)
        {
            full.Prepare();
            for (; done + SqliteRowsPerInsert <= rowCount; done += SqliteRowsPerInsert)
            {
                Fill(full, values, done * width, SqliteRowsPerInsert * width);
                await full.ExecuteNonQueryAsync(ct);
            }
        }

        if (done < rowCount)
        {
            using var rest = InsertCommand(sqlite, transaction, table, columnList, width, rowCount - done);
            Fill(rest, values, done * width, (rowCount - done) * width);
            await rest.ExecuteNonQueryAsync(ct);
        }
    }

    private static SqliteCommand InsertCommand(SqliteConnection connection, DbTransaction transaction, string table, string columnList, int width, int rows)
    {
        var command = connection.CreateCommand();
        command.Transaction = (SqliteTransaction)transaction;
        var sql = new System.Text.StringBuilder($"INSERT INTO \"{table}\" ({columnList}) VALUES ");
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < width; c++)
            {
                var name = $"$p{(r * width) + c}";
                sql.Append(c == 0 ? name : ", " + name);
                command.Parameters.Add(new SqliteParameter(name, SqliteType.Integer));
            }

            sql.Append(')');
        }

        command.CommandText = sql.ToString();
        return command;
    }

    private static void Fill(SqliteCommand command, int[] values, int start, int length)
    {
        for (var i = 0; i < length; i++)
        {
            command.Parameters[i].Value = values[start + i];
        }
    }
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
