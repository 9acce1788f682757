namespace SaferPlan.Crime.Population;

/// <summary>Uploading residents and dwellings per comparator area and year, refused whole with each bad line listed.</summary>
[Authorize]
public sealed class PopulationPageModel(AreaPopulationService populations, CurrentUser current) : PageModel
{
    [BindProperty]
    public IFormFile? PopulationFile { get; set; }

    public AreaPopulationLoad? Loaded { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        Permissions.CanLoadPopulation(await current.GetAsync()) ? Page() : this.Refused();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Permissions.CanLoadPopulation(await current.GetAsync()))
        {
            return this.Refused();
        }

        ModelState.Clear();
        if (PopulationFile is null || PopulationFile.Length == 0)
        {
            ModelState.AddModelError(nameof(PopulationFile), "Select a population file (CSV) to upload");
            return Page();
        }

        await using var stream = PopulationFile.OpenReadStream();
        var result = await populations.LoadAsync(stream, Path.GetFileName(PopulationFile.FileName), ct);
        if (!result.Succeeded)
        {
            // Every bad line in the summary, not only the first, so the file can be put right in one go.
            foreach (var line in result.Errors.Values)
            {
                ModelState.AddModelError(nameof(PopulationFile), line);
            }

            return Page();
        }

        Loaded = result.Value;
        return Page();
    }
}
