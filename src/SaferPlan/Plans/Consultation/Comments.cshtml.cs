namespace SaferPlan.Plans.Consultation;

/// <summary>
/// An edition's comments, numbered by priority as the refresh report's Appendix A lists them, with the response to each; and
/// the form to add one. For the partnership's members only: visitors never see comments.
/// </summary>
[Authorize]
public sealed class CommentsModel(ConsultationService consultation, RefreshChangeService changes, PlanReader reader, CurrentUser current) : PageModel
{
    public EditionChanges Changes { get; private set; } = null!;

    /// <summary>A change made's boxes: its priority is empty for the whole plan, else the priority's id.</summary>
    public sealed record ChangeForm(string? ChangePriority = null, string? ChangeText = null);

    /// <summary>A comment's boxes: its item is empty for the whole plan, else "p", "a" or "m" and the priority's, action's or milestone's id.</summary>
    public sealed record CommentForm(string? Item = null, string? Text = null, string? Source = null, string? MadeBy = null);

    [BindProperty] public ChangeForm NewChange { get; set; } = new();
    [BindProperty] public CommentForm NewComment { get; set; } = new();

    public EditionComments Comments { get; private set; } = null!;

    public EditionView View { get; private set; } = null!;

    /// <summary>The consultees' links, for support officers and administrators (empty for everyone else).</summary>
    public IReadOnlyList<ConsultationLink> Links { get; private set; } = [];

    /// <summary>
    /// The comments and changes made grouped as Appendix A: the whole plan first, then each priority in order, each with
    /// its comments received then its changes made; only those with either.
    /// </summary>
    public IEnumerable<AppendixGroup> Groups =>
        new Priority?[] { null }.Concat(View.Priorities)
            .Select(p => new AppendixGroup(
                p is null ? "The whole plan" : $"{p.Number}. {p.Title}",
                p?.Id,
                Comments.Comments.Where(c => c.PriorityId == p?.Id).ToList(),
                Changes.Changes.Where(c => c.Change.PriorityId == p?.Id).ToList()))
            .Where(g => g.Comments.Count > 0 || g.Changes.Count > 0);

    public IEnumerable<Choice> ChangeItems =>
        new[] { new Choice("", "The whole plan") }.Concat(View.Priorities.Select(p => new Choice(p.Id.ToString(CultureInfo.InvariantCulture), $"Priority {p.Number}: {p.Title}")));

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

        var c = NewComment;
        var (priorityId, actionId, milestoneId) = FormFields.ChosenItem(c.Item);
        var result = await consultation.AddAsync(id, new CommentInput(priorityId, actionId, milestoneId, c.Text, c.Source, c.MadeBy), await current.GetAsync(), ct);
        return this.Saved(result, saved => $"Comment {saved.Number} added", saved => $"/editions/{id}/comments#comment-{saved.Id}");
    }

    /// <summary>Writes up a change made, for the whole plan or a priority.</summary>
    public async Task<IActionResult> OnPostAddChangeAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        if (!Changes.CanWrite)
        {
            return this.Refused(Changes.Refusal);
        }

        var result = await changes.AddAsync(id, new RefreshChangeInput(FormFields.ChosenId(NewChange.ChangePriority), NewChange.ChangeText), await current.GetAsync(), ct);
        if (this.Refusal(result, prefix: "", box: ChangeBox) is { } shown)
        {
            return shown;
        }

        var number = (await changes.NumberedAsync(id, ct)).First(n => n.Change.Id == result.Value!.Id).Number;
        return this.Done($"Change made {number} added", $"/editions/{id}/comments#change-{result.Value!.Id}");
    }

    /// <summary>
    /// The add-a-change form filled in with a draft the compare page wrote from one of its differences, for the support
    /// officer to edit before adding it; nothing is saved yet.
    /// </summary>
    public async Task<IActionResult> OnPostDraftChangeAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        if (!Changes.CanWrite)
        {
            return this.Refused(Changes.Refusal);
        }

        ModelState.Clear();
        Drafted = true;
        return Page();
    }

    /// <summary>Whether the add-a-change form holds a draft from the compare page.</summary>
    public bool Drafted { get; private set; }

    private static string ChangeBox(string field) => field == "PriorityId" ? nameof(ChangeForm.ChangePriority) : nameof(ChangeForm.ChangeText);

    public async Task<IActionResult> OnPostRevokeAsync(int id, int linkId, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        var result = await consultation.RevokeLinkAsync(linkId, await current.GetAsync(), ct);
        return this.Saved(result, saved => $"The link sent to {saved.Name} no longer works", _ => $"/editions/{id}/comments#links");
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
        var changed = await changes.ChangesAsync(id, user, ct);
        if (!changed.Succeeded)
        {
            return this.Refused(changed.Message);
        }

        Changes = changed.Value;
        View = (await reader.EditionAsync(id, user, ct))!;
        Links = await consultation.LinksAsync(id, user, ct);
        return null;
    }
}

/// <summary>One heading of Appendix A on the comments page: the whole plan or a priority, with its comments and its changes made.</summary>
public sealed record AppendixGroup(string Heading, int? PriorityId, IReadOnlyList<ConsultationComment> Comments, IReadOnlyList<NumberedChange> Changes);
