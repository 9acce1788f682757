using SaferPlan.Uploads;

namespace SaferPlan.Crime.Import;

public sealed record CrimeFileRefusalDto(string File, int? Line, string Reason)
{
    public static CrimeFileRefusalDto From(CrimeFileRefusal r) => new(r.File, r.Line, r.Reason);
}

public sealed record LoadedCrimeFileDto(string File, string Force, string ForceName, string Month, int Rows, int RowsWithoutLocation, bool Synthetic)
{
    public static LoadedCrimeFileDto From(LoadedCrimeFile f) => new(f.File, f.ForceKey, f.ForceName, f.Month.ToString(), f.Rows, f.RowsWithoutLocation, f.Synthetic);
}

/// <summary>What an upload did: files loaded, rows, and each refused file with its line and reason.</summary>
public sealed record CrimeImportSummaryDto(int FilesLoaded, long Rows, int FilesRefused, IReadOnlyList<LoadedCrimeFileDto> Loaded, IReadOnlyList<CrimeFileRefusalDto> Refused)
{
    /// <summary>Outcomes and stop-and-search files passed over (police.uk puts them beside the street files).</summary>
    public int FilesSkipped { get; init; }

    public static CrimeImportSummaryDto From(CrimeImportResult r) => new(
        r.Loaded.Count, r.Rows, r.Refused.Count, r.Loaded.Select(LoadedCrimeFileDto.From).ToList(), r.Refused.Select(CrimeFileRefusalDto.From).ToList());
}

public sealed record CrimeImportDto(int Id, string Force, string ForceName, string Month, string FileName, int Rows, int RowsWithoutLocation, DateTimeOffset ImportedAt, string ImportedBy, bool Synthetic);

public sealed record CrimeImportListDto(int Total, IReadOnlyList<CrimeImportDto> Imports);

/// <summary>The JSON API for loading police.uk street files and listing the force-months loaded.</summary>
public static class CrimeImportEndpoints
{
    public const int ListLimit = 500;

    public static void MapCrimeImports(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/crime").WithTags("Recorded crime").RequireAuthorization();

        api.MapGet("/imports", async Task<Results<Ok<CrimeImportListDto>, ProblemHttpResult>> (CrimeImporter importer, CurrentUser current, CancellationToken ct) =>
        {
            if (!Permissions.CanImportCrime(await current.GetAsync()))
            {
                return Refused();
            }

            var (items, total) = await importer.ListAsync(ListLimit, ct);
            return TypedResults.Ok(new CrimeImportListDto(total, items.Select(i => new CrimeImportDto(
                i.Id, i.ForceKey, i.ForceName, i.Month.ToString(), i.FileName, i.Rows, i.RowsWithoutLocation, i.ImportedAt, i.ImportedBy, i.Synthetic)).ToList()));
        });

        api.MapPost("/imports", ImportAsync)
            .DisableAntiforgery()
        .WithMetadata(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = long.MaxValue });
    }

    private static async Task<Results<Ok<CrimeImportSummaryDto>, ProblemHttpResult>> ImportAsync(HttpRequest request, CrimeImporter importer, CurrentUser current, UploadLimits limits, CancellationToken ct)
    {
        if (!Permissions.CanImportCrime(await current.GetAsync()))
        {
            return Refused();
        }

        if (!UploadLimits.Admit(request.HttpContext, limits.CrimeImportBytes))
        {
            return TooLarge(limits.CrimeImportBytes);
        }

        if (!request.HasFormContentType)
        {
            return ApiErrors.BadRequest("Send the police.uk street files or zip as multipart/form-data, each in a field named files.");
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } or InvalidDataException)
        {
            // A body that did not say its length, cut off at the limit.
            return TooLarge(limits.CrimeImportBytes);
        }

        if (form.Files.Count == 0)
        {
            return ApiErrors.BadRequest("Send at least one police.uk street file (YYYY-MM-force-street.csv) or police.uk zip in a field named files.");
        }

        var synthetic = bool.TryParse(form["synthetic"], out var s) && s;
        using var download = Download(form.Files, synthetic);
        var result = WithDownloadRefusals(await importer.ImportAsync(download.Files, parallelReads: 1, cancellationToken: ct), download);
        var summary = CrimeImportSummaryDto.From(result) with { FilesSkipped = download.Skipped };
        if (result.Succeeded)
        {
            return TypedResults.Ok(summary);
        }

        return TypedResults.Problem(
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "Some files were refused",
            detail: $"{result.Refused.Count} of {result.Refused.Count + result.Loaded.Count} file(s) were refused and nothing from them was kept; {result.Loaded.Count} loaded. See refused for each file's line and reason.",
            extensions: new Dictionary<string, object?>
            {
                ["filesLoaded"] = summary.FilesLoaded,
                ["rows"] = summary.Rows,
                ["filesRefused"] = summary.FilesRefused,
                ["filesSkipped"] = summary.FilesSkipped,
                ["loaded"] = summary.Loaded,
                ["refused"] = summary.Refused,
            });
    }

    /// <summary>
    /// Uploaded files as a download: street files, and police.uk zips read entry by entry (entries named by the zip and
    /// their path in it). Names are the names the browser sent, without any folder.
    /// </summary>
    public static PoliceUkDownload Download(IFormFileCollection files, bool synthetic)
    {
        var download = new PoliceUkDownload();
        foreach (var f in files)
        {
            download.AddUploaded(Path.GetFileName(f.FileName), f.OpenReadStream, synthetic);
        }

        return download;
    }

    /// <summary>An import's result with the download's own refusals (a zip that cannot be read) first.</summary>
    public static CrimeImportResult WithDownloadRefusals(CrimeImportResult result, PoliceUkDownload download) =>
        download.Missing.Count == 0 ? result : new CrimeImportResult(result.Loaded, [.. download.Missing, .. result.Refused]);

    private static ProblemHttpResult TooLarge(long limit) => ApiErrors.Problem(
        StatusCodes.Status413PayloadTooLarge, "Too large", UploadLimits.TooLarge("Crime files", limit) + " Set SaferPlan:Uploads:CrimeImportMegabytes to change the limit.");

    private static ProblemHttpResult Refused() => ApiErrors.Problem(
        StatusCodes.Status403Forbidden, "Not allowed", "Only an analyst or administrator of a partnership may load crime data or see what has been loaded.");
}
