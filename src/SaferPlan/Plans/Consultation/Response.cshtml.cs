namespace SaferPlan.Plans.Consultation;

/// <summary>The support officer's response to one comment: the change made to the draft, or no change and why; until the edition is approved.</summary>
[Authorize]
public sealed class ResponseModel(ConsultationService consultation, CurrentUser current) : PageModel
{
    public ConsultationComment Comment { get; private set; } = null!;

    public EditionComments Comments { get; private set; } = null!;

    /// <summary>The response's boxes as posted: the kind is read in <see cref="OnPostAsync"/>, a choice of neither left for the service to name.</summary>
    public sealed record Form(string? Kind, string? Text);

    [BindProperty] public Form Input { get; set; } = new(null, null);
    [BindProperty] public int Version { get; set; }

    public static IEnumerable<Choice> Kinds =>
    [
        new(nameof(CommentResponseKind.Changed), "The plan was changed", "Say what was changed"),
        new(nameof(CommentResponseKind.NoChange), "No change was made", "Say why not"),
    ];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        (Input, Version) = (new(Comment.ResponseKind?.ToString(), Comment.Response), Comment.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        CommentResponseKind? kind = Enum.TryParse<CommentResponseKind>(Input.Kind, out var k) ? k : null;
        var result = await consultation.RespondAsync(id, new CommentResponseInput(kind, Input.Text), Version, await current.GetAsync(), ct);
        return this.Saved(result, _ => $"Response to comment {Comment.Number} recorded", _ => $"/editions/{Comment.EditionId}/comments#comment-{id}");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var user = await current.GetAsync();
        var editionId = await consultation.EditionOfAsync(id, ct);
        var result = editionId is { } e ? await consultation.CommentsAsync(e, user, ct) : EditResult<EditionComments>.NotFound("");
        if (result.Status == EditStatus.NotFound || (result.Succeeded && result.Value.Comments.All(c => c.Id != id)))
        {
            return NotFound();
        }

        if (!result.Succeeded || !result.Value.CanRespond)
        {
            return this.Refused(result.Succeeded ? result.Value.ResponseRefusal : result.Message);
        }

        Comments = result.Value;
        Comment = result.Value.Comments.Single(c => c.Id == id);
        return null;
    }
}
