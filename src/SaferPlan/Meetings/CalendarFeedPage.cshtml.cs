using SaferPlan.Core.Meetings;

namespace SaferPlan.Meetings;

/// <summary>Where a signed-in user gets the secret address of their own calendar feed, or revokes it.</summary>
[Authorize]
public sealed class CalendarFeedPageModel(CalendarFeedService feeds, CurrentUser current, IConfiguration configuration) : PageModel
{
    public CalendarFeed? Feed { get; private set; }

    /// <summary>The new address, shown once just after it is made (only its hash is kept).</summary>
    public string? NewAddress { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Feed = await feeds.CurrentAsync(await current.GetAsync(), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await current.GetAsync();
        var issued = await feeds.IssueAsync(user, ct);
        if (this.Refusal(issued, prefix: "") is { } refused)
        {
            return refused;
        }

        var root = PublicLinks.BaseUrl(configuration) ?? $"{Request.Scheme}://{Request.Host}";
        NewAddress = $"{root}/api/calendar/{issued.Value}.ics";
        Feed = await feeds.CurrentAsync(user, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken ct)
    {
        var revoked = await feeds.RevokeAsync(await current.GetAsync(), ct);
        if (this.Refusal(revoked, prefix: "") is { } refused)
        {
            return refused;
        }

        return this.Done("Your calendar feed address no longer works", "/account/calendar");
    }
}
