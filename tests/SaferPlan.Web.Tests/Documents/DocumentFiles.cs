using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace SaferPlan.Web.Tests.Documents;

/// <summary>Reading generated documents the way their readers do: every part of the package, and LibreOffice's PDF of it.</summary>
public static partial class DocumentFiles
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>Every part of a .docx package as text, so nothing hidden in a header, footer or property escapes a search.</summary>
    public static string AllParts(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        var text = new StringBuilder();
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            text.Append(entry.FullName).Append('\n').Append(reader.ReadToEnd()).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The text of the parts whose names start with a prefix ("word/header", "word/footer").</summary>
    public static string Parts(byte[] docx, string prefix)
    {
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        var text = new StringBuilder();
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            text.Append(reader.ReadToEnd());
        }

        return text.ToString();
    }

    /// <summary>The Open XML SDK's schema and semantic validation errors, one line each.</summary>
    public static List<string> ValidationErrors(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return new OpenXmlValidator().Validate(document)
            .Select(e => $"{e.ErrorType} {e.Id} at {e.Path?.XPath} in {e.Part?.Uri}: {e.Description}")
            .ToList();
    }

    /// <summary>
    /// LibreOffice's PDF of a .docx as pdftotext reads it, with runs of white space made single spaces. A document whose parts
    /// are the same as one converted before gives the text found then: the conversion is a function of the parts, and several
    /// tests read one document (on both databases, which give the same document).
    /// </summary>
    public static Task<string> PdfTextAsync(byte[] docx) =>
        Converted.GetOrAdd(ContentKey(docx), _ => new Lazy<Task<string>>(() => Converter.ConvertAsync(docx))).Value;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<string>>> Converted = new();

    /// <summary>
    /// The parts of a package, with what the packaging library makes up anew for every document set aside: the entries'
    /// timestamps, the name of the core properties part (a new GUID) and the relationship ids ("R" and 16 random hex digits),
    /// which are numbered in the order they first appear instead.
    /// </summary>
    private static string ContentKey(byte[] docx)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries.OrderBy(e => GeneratedName().Replace(e.FullName, "core"), StringComparer.Ordinal))
        {
            using var part = entry.Open();
            using var bytes = new MemoryStream();
            part.CopyTo(bytes);
            if (Path.GetExtension(entry.Name) is ".xml" or ".rels" or ".psmdcp")
            {
                var text = GeneratedName().Replace(entry.FullName + "\n" + Encoding.UTF8.GetString(bytes.ToArray()), "core");
                text = GeneratedId().Replace(text, id => "R#" + (ids.TryGetValue(id.Value, out var n) ? n : ids[id.Value] = ids.Count));
                hash.AppendData(Encoding.UTF8.GetBytes(text));
            }
            else
            {
                // A picture: its bytes as they are.
                hash.AppendData(Encoding.UTF8.GetBytes(entry.FullName + "\n"));
                hash.AppendData(bytes.ToArray());
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    [GeneratedRegex(@"\bR[0-9a-f]{16}\b")]
    private static partial Regex GeneratedId();

    [GeneratedRegex(@"[0-9a-f]{32}\.psmdcp")]
    private static partial Regex GeneratedName();

    /// <summary>
    /// Runs LibreOffice once for every document waiting when it starts: starting LibreOffice is most of a conversion's CPU, and
    /// tests running side by side often want one at the same moment. One run at a time; each document is read from its own
    /// PDF, and a document LibreOffice did not convert fails only the test that asked for it.
    /// </summary>
    private static class Converter
    {
        private static readonly List<(byte[] Docx, TaskCompletionSource<string> Text)> Waiting = [];
        private static bool running;

        /// <summary>Enough to take what side-by-side tests ask for at once, few enough to finish well within the timeout.</summary>
        private const int MostAtOnce = 6;

        public static Task<string> ConvertAsync(byte[] docx)
        {
            var text = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            bool start;
            lock (Waiting)
            {
                Waiting.Add((docx, text));
                start = !running;
                running = true;
            }

            if (start)
            {
                _ = Task.Run(ConvertWaitingAsync);
            }

            return text.Task;
        }

        private static async Task ConvertWaitingAsync()
        {
            while (true)
            {
                List<(byte[] Docx, TaskCompletionSource<string> Text)> batch;
                lock (Waiting)
                {
                    if (Waiting.Count == 0)
                    {
                        running = false;
                        return;
                    }

                    batch = [.. Waiting.Take(MostAtOnce)];
                    Waiting.RemoveRange(0, batch.Count);
                }

                try
                {
                    await ConvertBatchAsync(batch);
                }
                catch (Exception ex)
                {
                    foreach (var (_, text) in batch)
                    {
                        text.TrySetException(ex);
                    }
                }
            }
        }

        private static async Task ConvertBatchAsync(List<(byte[] Docx, TaskCompletionSource<string> Text)> batch)
        {
            var folder = Directory.CreateTempSubdirectory("saferplan-pdf-").FullName;
            try
            {
                var inputs = new List<string>();
                for (var i = 0; i < batch.Count; i++)
                {
                    inputs.Add(Path.Combine(folder, $"document-{i}.docx"));
                    await File.WriteAllBytesAsync(inputs[i], batch[i].Docx);
                }

                // A profile of its own, so a LibreOffice someone else runs on the machine does not hold its lock.
                var profile = new Uri(Path.Combine(folder, "profile")).AbsoluteUri;
                var convert = await RunAsync("soffice", folder, [$"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", folder, .. inputs]);
                for (var i = 0; i < batch.Count; i++)
                {
                    var pdf = Path.ChangeExtension(inputs[i], ".pdf");
                    if (convert.ExitCode != 0 || !File.Exists(pdf))
                    {
                        batch[i].Text.TrySetException(new Xunit.Sdk.XunitException($"LibreOffice did not convert the document to PDF: {convert}"));
                        continue;
                    }

                    var text = await RunAsync("pdftotext", folder, "-enc", "UTF-8", pdf, "-");
                    if (text.ExitCode != 0)
                    {
                        batch[i].Text.TrySetException(new Xunit.Sdk.XunitException($"pdftotext failed: {text}"));
                        continue;
                    }

                    batch[i].Text.TrySetResult(Spaces().Replace(text.Output, " "));
                }
            }
            finally
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                    // Removed with the machine's temporary files.
                }
            }
        }
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string program, string folder, params string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException(
                $"{program} is not installed. Run the tests with ./test.sh, which installs libreoffice-writer-nogui and poppler-utils.", ex);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(Timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{program} did not finish within {Timeout}.");
            }

            return (process.ExitCode, await output, await error);
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
