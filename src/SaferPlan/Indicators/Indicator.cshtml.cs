namespace SaferPlan.Indicators;

/// <summary>One indicator (/indicators/{id}): definition, baselines, targets per year, values with status and why, who entered what, and links.</summary>
public sealed class IndicatorModel(IndicatorReader reader, IndicatorEditor editor, Core.Statistics.IndicatorSpcService spc, CurrentUser current) : PageModel
{
    public IndicatorDetail Detail { get; private set; } = null!;

    public bool CanEdit { get; private set; }

    /// <summary>The indicator's SPC chart.</summary>
    public Core.Statistics.IndicatorSpc? Spc { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var user = await current.GetAsync();
        if (await reader.DetailAsync(id, user, ct) is not { } detail)
        {
            return NotFound();
        }

        Detail = detail;
        CanEdit = Permissions.CanEditIndicators(user, detail.PartnershipId);
        Spc = await spc.ChartAsync(id, ct);
        return Page();
    }

    /// <summary>Removes a link to a priority or milestone.</summary>
    public async Task<IActionResult> OnPostUnlinkAsync(int id, int linkId, CancellationToken ct)
    {
        var result = await editor.RemoveLinkAsync(linkId, await current.GetAsync(), ct);
        return this.Refusal(result, prefix: "") ?? this.Done("Link removed", $"/indicators/{id}#links");
    }
}
