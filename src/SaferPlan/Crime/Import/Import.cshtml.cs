using SaferPlan.Uploads;

namespace SaferPlan.Crime.Import;

/// <summary>Uploading police.uk street files: several at once, with a progress bar where JavaScript runs and a plain form post where it does not.</summary>
[Authorize]
[UploadGuard(UploadKind.CrimeFiles)]
[RequestFormLimits(MultipartBodyLengthLimit = long.MaxValue)]
public sealed class ImportModel(CrimeImporter importer, CurrentUser current, UploadLimits limits) : PageModel
{
    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    [BindProperty]
    public bool Synthetic { get; set; }

    public CrimeImportResult? Result { get; private set; }

    /// <summary>Outcomes and stop-and-search files passed over in the last upload.</summary>
    public int Skipped { get; private set; }

    /// <summary>The most one upload may hold, in words ("1 GB"), said on the page.</summary>
    public string Limit => UploadLimits.Words(limits.CrimeImportBytes);

    public async Task<IActionResult> OnGetAsync() =>
        Permissions.CanImportCrime(await current.GetAsync()) ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Permissions.CanImportCrime(await current.GetAsync()))
        {
            return Forbid();
        }

        ModelState.Clear();
        if (Files.Count == 0)
        {
            ModelState.AddModelError(nameof(Files), "Select one or more police.uk street files or a police.uk zip");
            return Page();
        }

        var uploaded = new FormFileCollection();
        uploaded.AddRange(Files);
        using var download = CrimeImportEndpoints.Download(uploaded, Synthetic);
        Result = CrimeImportEndpoints.WithDownloadRefusals(await importer.ImportAsync(download.Files, parallelReads: 1, cancellationToken: ct), download);
        Skipped = download.Skipped;
        foreach (var refusal in Result.Refused)
        {
            ModelState.AddModelError(nameof(Files), refusal.Line is { } line
                ? $"{refusal.File} was not loaded: line {line}: {refusal.Reason}"
                : $"{refusal.File} was not loaded: {refusal.Reason}");
        }

        return Page();
    }
}
