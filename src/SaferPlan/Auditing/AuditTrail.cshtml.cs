using SaferPlan.Core.Auditing;

namespace SaferPlan.Auditing;

/// <summary>
/// A partnership's audit trail in the browser: every change recorded against it, newest first, fifty to a page, of one kind
/// of item if chosen. For its administrators and support officers (<see cref="Permissions.CanReadAuditTrail"/>), who see
/// e-mail addresses as the people pages show them.
/// </summary>
[Authorize]
public sealed class AuditTrailModel(AuditReader audit, PartnershipService partnerships, CurrentUser current) : PageModel
{
    public Partnership Partnership { get; private set; } = null!;

    public AuditTrailPage Trail { get; private set; } = null!;

    /// <summary>The kind of item chosen (its name in the audit trail), or null for every change.</summary>
    public string? Kind { get; private set; }

    public IEnumerable<Choice> Kinds =>
        new[] { new Choice("", "Every kind") }.Concat(Trail.Kinds.Select(k => new Choice(k, KindName(k))).OrderBy(c => c.Text, StringComparer.Ordinal));

    public async Task<IActionResult> OnGetAsync(string slug, string? kind, CancellationToken ct)
    {
        var (partnership, refusal) = await SaferPlan.Partnerships.ManagedPartnership.LoadAsync(this, partnerships, current, slug, Permissions.CanReadAuditTrail,
            "Only the partnership's administrators and support officers can read its whole audit trail. Each item's page shows its own history to the partnership's members.", ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var user = await current.GetAsync();
        Partnership = partnership!;
        Kind = audit.EntityNamed(kind);
        // "page" is read from the query by hand: to Razor Pages a route value of that name is the page's own path.
        var page = int.TryParse(Request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 1;
        Trail = await audit.TrailAsync(Partnership.Id, Kind, page, Permissions.CanSeeEmailAddresses(user, Partnership.Id), ct);
        return Page();
    }

    /// <summary>The address of another page of the trail, keeping the kind chosen.</summary>
    public string PageLink(int page) =>
        $"/partnerships/{Partnership.Slug}/audit?{(Kind is null ? "" : $"kind={Uri.EscapeDataString(Kind)}&")}page={page.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>An item's kind as people say it: "PlanEdition" → "Plan edition", "PlanAction" → "Action".</summary>
    public static string KindName(string entityType) => entityType switch
    {
        "PlanAction" => "Action",
        "CollectionRound" => "Quarter for updates",
        "QuarterPublication" => "Quarter's report",
        "Membership" => "Account role",
        "IndicatorValue" => "Indicator value",
        _ => SentenceCase(entityType),
    };

    private static string SentenceCase(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));
}
