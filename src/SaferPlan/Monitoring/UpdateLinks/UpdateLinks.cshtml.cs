namespace SaferPlan.Monitoring.UpdateLinks;

/// <summary>
/// The personal update links e-mailed for a quarter (/partnerships/{slug}/periods/{period}/links): who each is for, when
/// it was sent, when it expires, when it was last used and whether it still works, with a Revoke button. Support
/// officers and administrators only; every revocation is in the audit trail.
/// </summary>
[Authorize]
public sealed class UpdateLinksModel(PlanReader reader, UpdateLinkService links, OutboxReader outbox, CurrentUser current, TimeProvider time) : PageModel
{
    public sealed record Row(UpdateLink Link, Person Person, string Status);

    public Partnership Partnership { get; private set; } = null!;

    public ReportingPeriod Period { get; private set; }

    public IReadOnlyList<Row> Links { get; private set; } = [];

    /// <summary>E-mails to this partnership that the outbox gave up on.</summary>
    public IReadOnlyList<OutboxMessage> FailedMessages { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, ReportingPeriod? period, CancellationToken ct) =>
        await LoadAsync(slug, period, ct) ?? Page();

    public async Task<IActionResult> OnPostRevokeAsync(string slug, ReportingPeriod? period, int linkId, CancellationToken ct)
    {
        if (await LoadAsync(slug, period, ct) is { } refused)
        {
            return refused;
        }

        var row = Links.FirstOrDefault(r => r.Link.Id == linkId);
        if (row is null)
        {
            return NotFound();
        }

        var result = await links.RevokeAsync(linkId, await current.GetAsync(), ct);
        if (result.Status == EditStatus.Forbidden)
        {
            return Forbid();
        }

        if (!result.Succeeded)
        {
            return NotFound();
        }

        return this.Done($"The link sent to {row.Person.Name} on {Core.Periods.Dates.Display(row.Link.CreatedAt)} no longer works", $"/partnerships/{slug}/periods/{Period.Slug}/links");
    }

    private async Task<IActionResult?> LoadAsync(string slug, ReportingPeriod? period, CancellationToken ct)
    {
        var user = await current.GetAsync();
        if (period is not { IsWholeYear: false } quarter || await reader.PartnershipBySlugAsync(slug, ct) is not { } partnership || !Permissions.CanSeeUnpublished(user, partnership.Id))
        {
            return NotFound();
        }

        Partnership = partnership;
        Period = quarter;
        var found = await links.LinksAsync(partnership.Id, quarter, user, ct);
        if (found.Status == EditStatus.Forbidden)
        {
            return Forbid();
        }

        var now = time.GetUtcNow();
        Links = found.Value!.Select(x => new Row(x.Link, x.Person, x.Link.RevokedAt is not null ? "Revoked" : x.Link.ExpiresAt <= now ? "Expired" : "Active")).ToList();
        FailedMessages = await outbox.FailedAsync(partnership.Id, ct);
        return null;
    }
}
