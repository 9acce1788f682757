using SaferPlan.Core.Auditing;
using SaferPlan.Uploads;

namespace SaferPlan.Crime.Area;

/// <summary>A partnership's area: how it was set, its LSOAs by ward, and the two ways to set it.</summary>
[UploadGuard(UploadKind.AreaLookup)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimits.LookupBytes)]
public sealed class AreaPageModel(PlanReader reader, CrimeAreaService areas, AuditReader audit, CurrentUser current) : PageModel
{
    public Partnership Partnership { get; private set; } = null!;

    public AreaView Area { get; private set; } = null!;

    public bool CanEdit { get; private set; }

    public IReadOnlyList<AuditRecord> History { get; private set; } = [];

    [BindProperty]
    public string? LocalAuthorityName { get; set; }

    [BindProperty]
    public string? LocalAuthority { get; set; }

    [BindProperty]
    public IFormFile? LookupFile { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) =>
        await LoadAsync(slug, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostNameAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }

        var result = await areas.SetFromLocalAuthorityNameAsync(Partnership.Id, LocalAuthorityName, await current.GetAsync(), ct);
        return await DoneAsync(slug, result, ct);
    }

    public async Task<IActionResult> OnPostLookupAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }

        if (LookupFile is null || LookupFile.Length == 0)
        {
            ModelState.AddModelError(nameof(LookupFile), "Select a lookup file (CSV) to upload");
            return Page();
        }

        await using var stream = LookupFile.OpenReadStream();
        var result = await areas.SetFromLookupAsync(Partnership.Id, stream, Path.GetFileName(LookupFile.FileName), LocalAuthority, await current.GetAsync(), ct);
        return await DoneAsync(slug, result, ct);
    }

    private async Task<IActionResult> DoneAsync(string slug, EditResult<AreaView> result, CancellationToken ct)
    {
        if (this.Refusal(result, prefix: "", box: f => f == "File" ? nameof(LookupFile) : f) is { } refusal)
        {
            await LoadAsync(slug, ct);
            return refusal;
        }

        return this.Done($"Area set: {result.Value!.Lsoas.Count} LSOAs", $"/partnerships/{slug}/area");
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        if (await reader.PartnershipBySlugAsync(slug, ct) is not { } partnership)
        {
            return false;
        }

        Partnership = partnership;
        Area = (await areas.GetAsync(partnership.Id, ct))!;
        CanEdit = Permissions.CanEditIndicators(await current.GetAsync(), partnership.Id);
        if (CanEdit)
        {
            History = await audit.HistoryAsync(nameof(Partnership), partnership.Id, ct: ct);
        }

        return true;
    }
}
