namespace SaferPlan.Plans;

/// <summary>
/// The edition a page manages (its approval, its consultation, the next edition from it): 404 for whoever cannot see it,
/// a refusal (with <c>refusal</c> as its reason, when given) for whoever may not manage the partnership's editions.
/// </summary>
internal static class ManagedEdition
{
    public static async Task<(EditionView? View, IActionResult? Refusal)> LoadAsync(PageModel page, PlanReader reader, CurrentUser current, int id, CancellationToken ct, string? refusal = null)
    {
        var user = await current.GetAsync();
        if (await reader.EditionAsync(id, user, ct) is not { } view)
        {
            return (null, page.NotFound());
        }

        return (view, Permissions.CanManageEditions(user, view.Partnership.Id) ? null : page.Refused(refusal));
    }
}
