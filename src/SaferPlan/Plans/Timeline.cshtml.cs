namespace SaferPlan.Plans;

/// <summary>Sets the dates of a draft edition's refresh, which the edition page shows as a task list.</summary>
[Authorize]
public sealed class TimelineModel(RefreshTimelineService timelines, CurrentUser current) : PageModel
{
    public RefreshTimelineView View { get; private set; } = null!;

    [BindProperty]
    public DateParts PrioritiesDecidedOn { get; set; } = new();

    [BindProperty]
    public DateParts InputOpensOn { get; set; } = new();

    [BindProperty]
    public DateParts InputClosesOn { get; set; } = new();

    [BindProperty]
    public DateParts ExecutiveDiscussionOn { get; set; } = new();

    [BindProperty]
    public DateParts CirculatedOn { get; set; } = new();

    [BindProperty]
    public DateParts CommentDeadline { get; set; } = new();

    [BindProperty]
    public DateParts ApprovalMeetingOn { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        var t = View.Timeline;
        PrioritiesDecidedOn = DateParts.From(t?.PrioritiesDecidedOn);
        InputOpensOn = DateParts.From(t?.InputOpensOn);
        InputClosesOn = DateParts.From(t?.InputClosesOn);
        ExecutiveDiscussionOn = DateParts.From(t?.ExecutiveDiscussionOn);
        CirculatedOn = DateParts.From(t?.CirculatedOn);
        CommentDeadline = DateParts.From(t?.CommentDeadline);
        ApprovalMeetingOn = DateParts.From(t?.ApprovalMeetingOn);
        Version = View.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        var input = new RefreshTimelineInput(
            Read(PrioritiesDecidedOn, nameof(PrioritiesDecidedOn), "The date of the Board's decision on priorities"),
            Read(InputOpensOn, nameof(InputOpensOn), "The date lead officers' input opens"),
            Read(InputClosesOn, nameof(InputClosesOn), "The date lead officers' input closes"),
            Read(ExecutiveDiscussionOn, nameof(ExecutiveDiscussionOn), "The date of the Executive Group's discussion"),
            Read(CirculatedOn, nameof(CirculatedOn), "The date the draft is circulated"),
            Read(CommentDeadline, nameof(CommentDeadline), "The deadline for comments"),
            Read(ApprovalMeetingOn, nameof(ApprovalMeetingOn), "The date of the approval meeting"));
        var user = await current.GetAsync();
        return await this.SaveFormAsync(
            () => RefreshTimelineService.Check(input),
            () => timelines.SaveAsync(id, input, Version, user, ct),
            _ => this.Done("The refresh dates are saved", $"/editions/{id}#refresh"),
            prefix: "");
    }

    private DateOnly? Read(DateParts parts, string field, string what)
    {
        var date = parts.Parse(what, out var error);
        if (error is not null)
        {
            ModelState.AddModelError(field, error);
        }

        return date;
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var user = await current.GetAsync();
        if (await timelines.ReadAsync(id, user, ct) is not { } view)
        {
            return NotFound();
        }

        View = view;
        return RefreshTimelineService.Refusal(view, user) is { } reason ? this.Refused(reason) : null;
    }
}
