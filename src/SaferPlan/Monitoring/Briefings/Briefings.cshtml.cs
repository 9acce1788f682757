namespace SaferPlan.Monitoring.Briefings;

/// <summary>A county-wide body's partner briefings, quarter by quarter (/bodies/{key}/briefings), for the members of the partnerships it serves.</summary>
[Authorize]
public sealed class BriefingsModel(TaskGroupReportService reports, CurrentUser current) : PageModel
{
    public Body Body { get; private set; } = null!;

    public IReadOnlyList<PartnerBriefing> Briefings { get; private set; } = [];

    public bool CanWrite { get; private set; }

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct)
    {
        var user = await current.GetAsync();
        if (await reports.BodyAsync(key, ct) is not { } body || !Permissions.CanReadBriefings(user, body.Partnerships.Select(p => p.Id)))
        {
            return NotFound();
        }

        Body = body;
        CanWrite = Permissions.CanWriteBriefing(user, body.Partnerships.Select(p => p.Id));
        Briefings = await reports.BriefingsOfBodyAsync(body.Id, ct);
        return Page();
    }
}
