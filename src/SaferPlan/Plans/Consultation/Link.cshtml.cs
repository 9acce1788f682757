namespace SaferPlan.Plans.Consultation;

/// <summary>
/// A consultee's e-mailed link: the draft to read (Restricted items left out) and a form to comment on the whole plan or on
/// one priority, action or milestone, without signing in. An expired, revoked or unknown link says so and nothing more.
/// </summary>
[AllowAnonymous]
public sealed class LinkModel(ConsultationService consultation) : PageModel
{
    public ConsultationLink? Link { get; private set; }

    /// <summary>Why the link cannot be used (unknown, expired or revoked); null when <see cref="Link"/> is open.</summary>
    public string? Problem { get; private set; }

    private EditStatus refusedAs;

    public IReadOnlyList<Priority> Priorities { get; private set; } = [];

    [BindProperty]
    public string? Item { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    public IEnumerable<Choice> Items =>
        new[] { new Choice("", "The whole plan") }.Concat(Priorities.SelectMany(p =>
            new[] { new Choice($"p{p.Id}", $"Priority {p.Number}: {p.Title}") }
                .Concat(p.Actions.SelectMany(a => new[] { new Choice($"a{a.Id}", $"Action {a.Number}") }
                    .Concat(a.Milestones.Select(m => new Choice($"m{m.Id}", $"Milestone {m.Code}")))))));

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        await LoadAsync(token, ct);
        return Problem is null ? Page() : Gone();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        await LoadAsync(token, ct);
        if (Link is null)
        {
            return Gone();
        }

        var (priorityId, actionId, milestoneId) = FormFields.ChosenItem(Item);
        var result = await consultation.AddByLinkAsync(Link, new CommentInput(priorityId, actionId, milestoneId, Text), ct);
        return this.Saved(result, saved => $"Thank you: your comment on {saved.Subject.Replace("The whole", "the whole", StringComparison.Ordinal)} has been sent", _ => $"/c/{token}");
    }

    private PageResult Gone()
    {
        // A link that was never made is not found; one that was, but has expired or been revoked, is gone.
        Response.StatusCode = refusedAs == EditStatus.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status410Gone;
        return Page();
    }

    private async Task LoadAsync(string token, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers["Referrer-Policy"] = "no-referrer";
        if ((await consultation.OpenLinkAsync(token, ct)).Refused(out var link, out var refusal))
        {
            Problem = refusal.Message;
            refusedAs = refusal.Status;
            return;
        }

        Link = link;
        Priorities = await consultation.DraftForConsulteeAsync(link.EditionId, ct);
    }
}
