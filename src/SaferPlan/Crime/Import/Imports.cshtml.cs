namespace SaferPlan.Crime.Import;

/// <summary>The force-months of recorded crime loaded: who loaded each, when, and whether it is synthetic demo data.</summary>
[Authorize]
public sealed class ImportsModel(CrimeImporter importer, CurrentUser current) : PageModel
{
    public IReadOnlyList<CrimeImportListItem> Imports { get; private set; } = [];

    public int Total { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Permissions.CanImportCrime(await current.GetAsync()))
        {
            return Forbid();
        }

        (Imports, Total) = await importer.ListAsync(CrimeImportEndpoints.ListLimit, ct);
        return Page();
    }
}
