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

    /// <summary>Converts a .docx to PDF with LibreOffice and returns pdftotext's text of it, with runs of white space made single spaces.</summary>
    public static async Task<string> PdfTextAsync(byte[] docx)
    {
        var folder = Directory.CreateTempSubdirectory("saferplan-pdf-").FullName;
        try
        {
            var input = Path.Combine(folder, "report.docx");
            await File.WriteAllBytesAsync(input, docx);

            // A profile of its own, so conversions running side by side do not share LibreOffice's lock.
            var profile = new Uri(Path.Combine(folder, "profile")).AbsoluteUri;
            var convert = await RunAsync("soffice", folder, $"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", folder, input);
            var pdf = Path.Combine(folder, "report.pdf");
            Assert.True(convert.ExitCode == 0 && File.Exists(pdf), $"LibreOffice did not convert the document to PDF: {convert}");

            var text = await RunAsync("pdftotext", folder, "-enc", "UTF-8", pdf, "-");
            Assert.True(text.ExitCode == 0, $"pdftotext failed: {text}");
            return Spaces().Replace(text.Output, " ");
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
