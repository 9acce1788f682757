namespace SaferPlan.Partnerships;

/// <summary>The partnership a page manages (its people, bodies, audit trail), and whether the reader may.</summary>
internal static class ManagedPartnership
{
    /// <summary>
    /// 404 for no such partnership, and for whoever <paramref name="may"/> does not allow, a refusal giving
    /// <paramref name="reason"/> (the sign-in page for a visitor).
    /// </summary>
    public static async Task<(Partnership? Partnership, IActionResult? Refusal)> LoadAsync(
        PageModel page, PartnershipService partnerships, CurrentUser current, string slug, Func<UserContext, int, bool> may, string reason, CancellationToken ct)
    {
        if (await partnerships.BySlugAsync(slug, ct) is not { } partnership)
        {
            return (null, page.NotFound());
        }

        return (partnership, may(await current.GetAsync(), partnership.Id) ? null : page.Refused(reason));
    }
}
