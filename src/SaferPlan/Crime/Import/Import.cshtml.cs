using SaferPlan.Uploads;

namespace SaferPlan.Crime.Import;

/// <summary>Uploading police.uk street files: several at once, with a progress bar where JavaScript runs and a plain form post where it does not.</summary>
[Authorize]
[UploadGuard(UploadKind.CrimeFiles)]
[RequestFormLimits(MultipartBodyLengthLimit = long.MaxValue)]
public sealed class ImportModel(CrimeImporter importer, CurrentUser current) : PageModel
{
    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    [BindProperty]
    public bool Synthetic { get; set; }

    public CrimeImportResult? Result { get; private set; }

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
            ModelState.AddModelError(nameof(Files), "Select one or more police.uk street files");
            return Page();
        }

        var uploaded = new FormFileCollection();
        uploaded.AddRange(Files);
        var sources = CrimeImportEndpoints.Sources(uploaded, Synthetic);
        Result = await importer.ImportAsync(sources, parallelReads: 1, cancellationToken: ct);
        foreach (var refusal in Result.Refused)
        {
            ModelState.AddModelError(nameof(Files), refusal.Line is { } line
                ? $"{refusal.File} was not loaded: line {line}: {refusal.Reason}"
                : $"{refusal.File} was not loaded: {refusal.Reason}");
        }

        return Page();
    }
}
