using System.Text;
using SaferPlan.Uploads;
using SaferPlan.Core.Funding;

namespace SaferPlan.Funding;

/// <summary>
/// Loads a year's spending from a finance system's CSV export (the Transparency Code's columns), as the API's
/// <c>POST /api/partnerships/{slug}/spending.csv</c> does and through the same service: a file with any wrong line is
/// refused whole, each wrong line named in the error summary.
/// </summary>
[Authorize]
public sealed class SpendingUploadModel(SaferPlanDbContext db, FundingService funding, CurrentUser current) : FundingFormPage(db, funding, current)
{
    [BindProperty] public IFormFile? SpendingFile { get; set; }

    private const string Refusal = "Only the partnership's support officers and administrators can load a spending file.";

    public async Task<IActionResult> OnGetAsync(string slug, string year, CancellationToken ct) =>
        await FindEditablePlanAsync(slug, year, Refusal, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(string slug, string year, CancellationToken ct)
    {
        if (await FindEditablePlanAsync(slug, year, Refusal, ct) is { } refused)
        {
            return refused;
        }

        ModelState.Clear();
        if (SpendingFile is not { Length: > 0 } file)
        {
            ModelState.AddModelError(nameof(SpendingFile), "Select a CSV file of the year's spending");
            return Page();
        }

        if (file.Length > FundingEndpoints.UploadBytes)
        {
            ModelState.AddModelError(nameof(SpendingFile), UploadLimits.TooLarge("A spending file", FundingEndpoints.UploadBytes));
            return Page();
        }

        using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
        var result = await Funding.ImportSpendingAsync(View.Partnership.Id, View.Year, reader, await UserAsync(), ct);
        if (result.Status == EditStatus.Invalid)
        {
            var lines = result.Errors.Count;
            ModelState.AddModelError(nameof(SpendingFile), $"{file.FileName} was not loaded: {lines} line{(lines == 1 ? " is" : "s are")} wrong, so nothing from it has been saved. Correct {(lines == 1 ? "it" : "them")} and upload the file again");
            foreach (var line in result.Errors.Values)
            {
                ModelState.AddModelError(nameof(SpendingFile), line);
            }

            return Page();
        }

        return Answer(result, recorded => $"{recorded} spending line{(recorded == 1 ? "" : "s")} recorded from {file.FileName}", _ => "#spending");
    }
}
