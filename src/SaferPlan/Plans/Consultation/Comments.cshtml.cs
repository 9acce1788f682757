namespace SaferPlan.Plans.Consultation;

/// <summary>
/// An edition's comments, numbered by priority as the refresh report's Appendix A lists them, with the response to each; and
/// the form to add one. For the partnership's members only: visitors never see comments.
/// </summary>
[Authorize]
public sealed class CommentsModel(ConsultationService consultation, PlanReader reader, CurrentUser current) : PageModel
{
    public EditionComments Comments { get; private set; } = null!;

    public EditionView View { get; private set; } = null!;

    /// <summary>The consultees' links, for support officers and administrators (empty for everyone else).</summary>
    public IReadOnlyList<ConsultationLink> Links { get; private set; } = [];

    /// <summary>The item commented on: empty for the whole plan, else "p", "a" or "m" and the priority's, action's or milestone's id.</summary>
    [BindProperty]
    public string? Item { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public string? Source { get; set; }

    [BindProperty]
    public string? MadeBy { get; set; }

    /// <summary>The comments grouped as Appendix A: the whole plan first, then each priority in order.</summary>
    public IEnumerable<IGrouping<string, ConsultationComment>> Groups =>
        Comments.Comments.GroupBy(c => c.Priority is { } p ? $"{p.Number}. {p.Title}" : "The whole plan");

    public IEnumerable<Choice> Items =>
        new[] { new Choice("", "The whole plan") }.Concat(View.Priorities.SelectMany(p =>
            new[] { new Choice($"p{p.Id}", $"Priority {p.Number}: {p.Title}") }
                .Concat(p.Actions.SelectMany(a => new[] { new Choice($"a{a.Id}", $"Action {a.Number}") }
                    .Concat(a.Milestones.Select(m => new Choice($"m{m.Id}", $"Milestone {m.Code}")))))));

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        if (!Comments.CanComment)
        {
            return this.Refused(Comments.Refusal);
        }

        int? Pick(char kind) => Item is { Length: > 1 } item && item[0] == kind && int.TryParse(item.AsSpan(1), out var itemId) ? itemId : null;
        var result = await consultation.AddAsync(id, new CommentInput(Pick('p'), Pick('a'), Pick('m'), Text, Source, MadeBy), await current.GetAsync(), ct);
        if (this.Refusal(result, prefix: "") is { } shown)
        {
            return shown;
        }

        TempData["Success"] = $"Comment {result.Value!.Number} added";
        return Redirect($"/editions/{id}/comments#comment-{result.Value.Id}");
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, int linkId, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        var result = await consultation.RevokeLinkAsync(linkId, await current.GetAsync(), ct);
        if (this.Refusal(result, prefix: "") is { } shown)
        {
            return shown;
        }

        TempData["Success"] = $"The link sent to {result.Value!.Name} no longer works";
        return Redirect($"/editions/{id}/comments#links");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var user = await current.GetAsync();
        var result = await consultation.CommentsAsync(id, user, ct);
        if (result.Status == EditStatus.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            return this.Refused(result.Message);
        }

        Comments = result.Value;
        View = (await reader.EditionAsync(id, user, ct))!;
        Links = await consultation.LinksAsync(id, user, ct);
        return null;
    }
}
