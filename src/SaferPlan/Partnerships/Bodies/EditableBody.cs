namespace SaferPlan.Partnerships.Bodies;

/// <summary>
/// The partnership and body a body's page changes: 404 for no such partnership or body, a refusal for whoever may not
/// manage its bodies, and a refusal giving the reason for a body shared with other partnerships. No body for a new one.
/// </summary>
internal static class EditableBody
{
    public static async Task<(Partnership? Partnership, Body? Body, IActionResult? Refusal)> LoadAsync(
        PageModel page, BodyService bodies, PartnershipService partnerships, CurrentUser current, string slug, int? bodyId, CancellationToken ct)
    {
        var (partnership, refusal) = await ManagedPartnership.LoadAsync(page, partnerships, current, slug, Permissions.CanManageBodies,
            "Only the partnership's support officers and administrators can change its bodies.", ct);
        if (refusal is not null || bodyId is not { } id)
        {
            return (partnership, null, refusal);
        }

        if (await bodies.BodyAsync(partnership!.Id, id, ct) is not { } body)
        {
            return (partnership, null, page.NotFound());
        }

        return BodyService.ReadOnlyReason(body, partnership!.Id) is { } shared ? (partnership, body, page.Refused(shared)) : (partnership, body, null);
    }
}
