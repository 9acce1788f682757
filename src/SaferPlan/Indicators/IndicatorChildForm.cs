namespace SaferPlan.Indicators;

/// <summary>
/// What the value, baseline and target forms share: finding the indicator (from the item being edited, or the
/// indicator it is added to), checking the user may edit it, and saving or deleting with the version read.
/// </summary>
public abstract class IndicatorChildForm<TItem>(SaferPlanDbContext db, CurrentUser current) : PageModel
    where TItem : class
{
    public Indicator Indicator { get; private set; } = null!;

    public TItem? Existing { get; private set; }

    protected SaferPlanDbContext Db => db;

    protected abstract Task<TItem?> FindAsync(int id, CancellationToken ct);

    protected abstract int IndicatorIdOf(TItem item);

    protected async Task<IActionResult?> LoadAsync(int? id, int? indicatorId, CancellationToken ct)
    {
        if (id is { } itemId)
        {
            Existing = await FindAsync(itemId, ct);
            if (Existing is null)
            {
                return NotFound();
            }

            indicatorId = IndicatorIdOf(Existing);
        }

        var indicator = indicatorId is { } iid ? await db.Set<Indicator>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == iid, ct) : null;
        if (indicator is null)
        {
            return NotFound();
        }

        Indicator = indicator;
        return Permissions.CanEditIndicators(await current.GetAsync(), indicator.PartnershipId) ? null : Forbid();
    }

    /// <summary>After a delete: the form again with why it was refused, or back to the indicator page.</summary>
    protected IActionResult Outcome<T>(EditResult<T> result, string done, string anchor) => this.Refusal(result) ?? BackToIndicator(done, anchor);

    /// <summary>Back to the indicator page at <paramref name="anchor"/>, with <paramref name="done"/> in the success banner.</summary>
    protected RedirectResult BackToIndicator(string done, string anchor) => this.Done(done, $"/indicators/{Indicator.Id}#{anchor}");

    protected Task<UserContext> UserAsync() => current.GetAsync();
}
