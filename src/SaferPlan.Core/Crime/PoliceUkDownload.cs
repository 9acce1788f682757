using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;

namespace SaferPlan.Core.Crime;

/// <summary>One file of a police.uk download: where it sits (its path in the folder or the zip) and how to read it.</summary>
public sealed record PoliceUkEntry(string Name, Func<Stream> Open);

/// <summary>
/// A police.uk download opened for loading: a folder laid out as police.uk serves it (<c>YYYY-MM/YYYY-MM-force-street.csv</c>,
/// at any depth), the .zip police.uk serves (read entry by entry, never unpacked to disk), or single street files.
/// Its street files become <see cref="CrimeImporter"/>'s sources; the outcomes and stop-and-search files police.uk
/// puts beside them are skipped and counted. A download holding <see cref="CrimeFileFinder.SyntheticMarker"/> (a
/// folder, or any entry of a zip) was made by the synthetic generator, and its files are marked synthetic.
/// </summary>
public sealed class PoliceUkDownload : IDisposable
{
    private readonly List<CrimeFileSource> files = [];
    private readonly List<CrimeFileRefusal> missing = [];
    private readonly List<IDisposable> open = [];

    /// <summary>An empty download, for uploads to be added to (<see cref="AddUploaded"/>).</summary>
    public PoliceUkDownload()
    {
    }

    /// <summary>The street files, in name order within each path given.</summary>
    public IReadOnlyList<CrimeFileSource> Files => files;

    /// <summary>Paths given that are neither a file nor a folder, and zips that could not be opened.</summary>
    public IReadOnlyList<CrimeFileRefusal> Missing => missing;

    /// <summary>Outcomes and stop-and-search files passed over.</summary>
    public int Skipped { get; private set; }

    /// <summary>What a file in a download is, by its name.</summary>
    public static PoliceUkFileKind KindOf(string name)
    {
        var file = Path.GetFileName(name.Replace('\\', '/').TrimEnd('/'));
        return file.EndsWith("-street.csv", StringComparison.OrdinalIgnoreCase) ? PoliceUkFileKind.Street
            : file.EndsWith("-outcomes.csv", StringComparison.OrdinalIgnoreCase) || file.EndsWith("-stop-and-search.csv", StringComparison.OrdinalIgnoreCase) ? PoliceUkFileKind.Skipped
            : PoliceUkFileKind.Other;
    }

    /// <summary>The paths given on the command line: street files as named, folders searched at any depth, zips read entry by entry.</summary>
    public static PoliceUkDownload Open(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var download = new PoliceUkDownload();
        foreach (var path in paths)
        {
            if (File.Exists(path) && path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            {
                download.AddZipFile(path);
                continue;
            }

            var (found, notFound) = CrimeFileFinder.Find([path]);
            download.files.AddRange(found);
            download.missing.AddRange(notFound);
            if (Directory.Exists(path))
            {
                download.Skipped += Directory.EnumerateFiles(path, "*.csv", SearchOption.AllDirectories).Count(f => KindOf(f) == PoliceUkFileKind.Skipped);
            }
        }

        return download;
    }

    private void AddZip(Stream zip, string name, bool synthetic)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: false);
        }
        catch (Exception ex) when (ex is InvalidDataException or ArgumentException or IOException)
        {
            // Too short to hold a zip's directory, or not a zip at all.
            zip.Dispose();
            missing.Add(new CrimeFileRefusal(name, null, $"The file is not a zip that can be read: {ex.Message}"));
            return;
        }

        open.Add(archive);
        AddEntries(name, archive.Entries.Select(e => e.FullName), synthetic, entry => archive.GetEntry(entry)!.Open());
    }

    /// <summary>
    /// Adds one uploaded file: a zip's street files (read from <paramref name="open"/>'s stream, which must allow seeking,
    /// as a buffered upload does, and is shared by all its entries: load them with one reader), an outcomes or
    /// stop-and-search file counted as skipped, or anything else as a street file (refused by name if it is not one).
    /// </summary>
    public void AddUploaded(string name, Func<Stream> open, bool synthetic)
    {
        ArgumentNullException.ThrowIfNull(open);
        if (name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            AddZip(open(), name, synthetic);
        }
        else if (KindOf(name) == PoliceUkFileKind.Skipped)
        {
            Skipped++;
        }
        else
        {
            files.Add(Source(new PoliceUkEntry(name, open), synthetic));
        }
    }

    public void Dispose()
    {
        foreach (var item in open)
        {
            item.Dispose();
        }

        open.Clear();
    }

    /// <summary>A zip on disk: each reader takes an archive of its own from a pool, so entries are read in parallel.</summary>
    private void AddZipFile(string path)
    {
        var pool = new ZipPool(path);
        IReadOnlyList<string> names;
        try
        {
            names = pool.EntryNames();
        }
        catch (Exception ex) when (ex is InvalidDataException or ArgumentException or IOException)
        {
            pool.Dispose();
            missing.Add(new CrimeFileRefusal(path, null, $"The file is not a zip that can be read: {ex.Message}"));
            return;
        }

        open.Add(pool);
        AddEntries(path, names, synthetic: false, pool.Open);
    }

    private void AddEntries(string zipName, IEnumerable<string> entryNames, bool synthetic, Func<string, Stream> openEntry)
    {
        var names = entryNames.ToList();
        synthetic |= names.Any(n => string.Equals(Path.GetFileName(n), CrimeFileFinder.SyntheticMarker, StringComparison.OrdinalIgnoreCase));
        foreach (var entry in names.Order(StringComparer.Ordinal))
        {
            switch (KindOf(entry))
            {
                case PoliceUkFileKind.Street:
                    files.Add(Source(new PoliceUkEntry($"{zipName}/{entry}", () => openEntry(entry)), synthetic));
                    break;
                case PoliceUkFileKind.Skipped:
                    Skipped++;
                    break;
                default:
                    break;
            }
        }
    }

    private static CrimeFileSource Source(PoliceUkEntry entry, bool synthetic) =>
        new(entry.Name, () => new StreamReader(entry.Open(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 0x10000), synthetic);

    /// <summary>Archives over one zip file, handed out one per open entry (a <see cref="ZipArchive"/> reads one entry at a time).</summary>
    private sealed class ZipPool(string path) : IDisposable
    {
        private readonly ConcurrentBag<ZipArchive> idle = [];
        private readonly ConcurrentBag<ZipArchive> all = [];

        public IReadOnlyList<string> EntryNames()
        {
            var archive = Take();
            try
            {
                return archive.Entries.Select(e => e.FullName).ToList();
            }
            finally
            {
                idle.Add(archive);
            }
        }

        public Stream Open(string entry)
        {
            var archive = Take();
            try
            {
                return new ReturningStream(archive.GetEntry(entry)!.Open(), () => idle.Add(archive));
            }
            catch
            {
                idle.Add(archive);
                throw;
            }
        }

        public void Dispose()
        {
            foreach (var archive in all)
            {
                archive.Dispose();
            }
        }

        private ZipArchive Take()
        {
            if (idle.TryTake(out var archive))
            {
                return archive;
            }

            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 0x10000);
            try
            {
                archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false);
            }
            catch
            {
                stream.Dispose();
                throw;
            }

            all.Add(archive);
            return archive;
        }
    }

    /// <summary>An entry's stream that gives its archive back to the pool when closed.</summary>
    private sealed class ReturningStream(Stream inner, Action returned) : ForwardOnlyStream
    {
        private bool closed;

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override int Read(Span<byte> buffer) => inner.Read(buffer);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.ReadAsync(buffer, offset, count, cancellationToken);


        protected override void Dispose(bool disposing)
        {
            if (disposing && !closed)
            {
                closed = true;
                inner.Dispose();
                returned();
            }

            base.Dispose(disposing);
        }
    }
}

/// <summary>What a file of a police.uk download is: a street file to load, an outcomes or stop-and-search file passed over, or something else.</summary>
public enum PoliceUkFileKind
{
    Street,
    Skipped,
    Other,
}
