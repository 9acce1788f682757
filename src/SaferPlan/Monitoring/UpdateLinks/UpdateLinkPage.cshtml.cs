using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace SaferPlan.Monitoring.UpdateLinks;

/// <summary>
/// The page an e-mailed update link opens (/u/{token}): with no password, the person's milestones for the link's quarter,
/// each with its boxes (last quarter's progress to start from) and its protective marking, all sent with one submit and
/// saved all or none. Every use is audited, and every change is recorded as "&lt;person&gt; (e-mailed link)".
/// </summary>
[AllowAnonymous]
public sealed class UpdateLinkPageModel(UpdateLinkService links, UpdateService updates) : PageModel
{
    /// <summary>One milestone's form. Fields are posted as <c>Updates[{milestoneId}].Progress</c> and so on.</summary>
    public sealed class Form
    {
        public string? Progress { get; set; }

        public string? Value { get; set; }

        public string? Status { get; set; }

        /// <summary>No default (the page starts a new update at Official): a post without it is asked for it.</summary>
        public string? Marking { get; set; }

        public int Version { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Progress) && string.IsNullOrWhiteSpace(Value) && string.IsNullOrEmpty(Status);

        /// <summary>Whether this says what <paramref name="other"/> says, so that sending it again would change nothing.</summary>
        public bool Says(Form other) =>
            Same(Progress, other.Progress) && Same(Value, other.Value) && Same(Status, other.Status) && Same(Marking, other.Marking) && Version == other.Version;

        private static bool Same(string? a, string? b) =>
            string.Equals((a ?? "").Trim().ReplaceLineEndings("\n"), (b ?? "").Trim().ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    /// <summary>The person's milestones' boxes by milestone id, all posted together.</summary>
    [BindProperty]
    public Dictionary<int, Form> Updates { get; set; } = [];

    public string Token { get; private set; } = "";

    public OpenedUpdateLink? Opened { get; private set; }

    public UpdateLinkProblem? Problem { get; private set; }

    /// <summary>The link, when it was found but has expired or been revoked.</summary>
    public UpdateLink? FoundLink { get; private set; }

    public CollectionRound? Round { get; private set; }

    /// <summary>Why lead officers can no longer change the quarter's updates, or null while they can.</summary>
    public QuarterClosed? Closed { get; private set; }

    public bool Locked => Closed is not null;

    /// <summary>The person's milestones still to report on (none yet, a draft, or returned), in plan order.</summary>
    public IReadOnlyList<UpdateSlot> ToDo { get; private set; } = [];

    /// <summary>The person's milestones already submitted or accepted this quarter.</summary>
    public IReadOnlyList<UpdateSlot> Done { get; private set; } = [];

    public string Heading => Opened is not { } o
        ? "Your updates"
        : Round is { } r
            ? $"Your updates for {o.Link.Period.Display}, due by {Core.Periods.Dates.Display(r.Deadline)}"
            : $"Your updates for {o.Link.Period.Display}";

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        if (!await OpenAsync(token, ct))
        {
            return Page();
        }

        foreach (var slot in ToDo.Concat(Done))
        {
            Updates[slot.Milestone.Id] = Prefill(slot);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        var posted = Updates;
        Updates = [];
        if (!await OpenAsync(token, ct))
        {
            return Page();
        }

        var slots = ToDo.Concat(Done).ToList();
        foreach (var slot in slots)
        {
            Updates[slot.Milestone.Id] = posted.GetValueOrDefault(slot.Milestone.Id) ?? Prefill(slot);
        }

        ModelState.Clear();
        var opened = Opened!;
        var codes = slots.ToDictionary(s => s.Milestone.Id, s => s.Milestone.Code);
        var sent = UpdatesToSend(posted, slots, codes);
        if (sent.Count == 0 && ModelState.IsValid)
        {
            return this.Done("Nothing was sent: no update was filled in or changed", $"/u/{Uri.EscapeDataString(Token)}#main-content");
        }

        var results = ModelState.IsValid ? await links.SaveAllAsync(opened, sent, ct) : await links.CheckAllAsync(opened, sent, ct);
        foreach (var (update, result) in results.Where(r => !r.Result.Succeeded))
        {
            ShowRefusal(opened, codes.GetValueOrDefault(update.MilestoneId, "This milestone"), FieldPrefix(update.MilestoneId), result);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var saved = sent.Select(u => codes.GetValueOrDefault(u.MilestoneId)).OfType<string>().ToList();
        return this.Done(saved.Count == 1 ? $"Your update for {saved[0]} has been submitted" : $"Your {saved.Count} updates have been submitted: {string.Join(", ", saved)}", $"/u/{Uri.EscapeDataString(Token)}#main-content");
    }

    /// <summary>
    /// The updates to send, in the order of the page, with an error for each status or marking not among those offered. A
    /// milestone that is not the person's is sent on, for the editor to refuse.
    /// </summary>
    private List<LinkUpdate> UpdatesToSend(Dictionary<int, Form> posted, List<UpdateSlot> slots, Dictionary<int, string> codes)
    {
        var sent = new List<LinkUpdate>();
        foreach (var (id, form) in posted.OrderBy(p => slots.FindIndex(s => s.Milestone.Id == p.Key) is var i and >= 0 ? i : int.MaxValue))
        {
            // An update already sent goes again only when changed; a milestone left blank is not sent, and stays to do.
            var slot = slots.Find(s => s.Milestone.Id == id);
            if ((slot is not null && Done.Contains(slot) && form.Says(Prefill(slot))) || form.IsBlank)
            {
                continue;
            }

            var prefix = FieldPrefix(id);
            var code = codes.GetValueOrDefault(id, "This milestone");
            UpdateStatus? status = null;
            if (!string.IsNullOrEmpty(form.Status))
            {
                if (Enum.TryParse<UpdateStatus>(form.Status, out var s) && Enum.IsDefined(s))
                {
                    status = s;
                }
                else
                {
                    ModelState.AddModelError($"{prefix}.Status", Named(code, "Select one of the statuses listed"));
                }
            }

            // A missing marking is asked for, never taken as Official; the stored one stands in only to check the rest (nothing is saved).
            if (!Enum.TryParse(form.Marking, out ProtectiveMarking marking) || !Enum.IsDefined(marking))
            {
                ModelState.AddModelError($"{prefix}.Marking", Named(code, "Select the update's protective marking"));
                marking = slot?.Current?.Marking ?? ProtectiveMarking.Restricted;
            }

            sent.Add(new LinkUpdate(id, new UpdateInput { Progress = form.Progress, Value = form.Value, Status = status, Marking = marking, Submit = true }, form.Version));
        }

        return sent;
    }

    /// <summary>Why one milestone's update was refused: its fields' errors (one per box), or 403, 404 or 409 with a message for the page.</summary>
    private void ShowRefusal(OpenedUpdateLink opened, string code, string prefix, EditResult<MilestoneUpdate> result)
    {
        switch (result.Status)
        {
            case EditStatus.Invalid:
                foreach (var (field, message) in result.Errors)
                {
                    var key = field is "Progress" or "Value" or "Status" or "Marking" ? $"{prefix}.{field}" : string.Empty;
                    if (!ModelState.TryGetValue(key, out var entry) || entry.Errors.Count == 0)
                    {
                        ModelState.AddModelError(key, Named(code, message));
                    }
                }

                break;
            case EditStatus.Forbidden:
                Response.StatusCode = StatusCodes.Status403Forbidden;
                ModelState.AddModelError(string.Empty, Locked
                    ? result.Message!
                    : $"This link can only update the milestones {opened.Person.Name} leads, for {opened.Link.Period.Display}. Nothing has been saved.");
                break;
            case EditStatus.NotFound:
                Response.StatusCode = StatusCodes.Status404NotFound;
                ModelState.AddModelError(string.Empty, "That milestone is not one of yours to update. Nothing has been saved.");
                break;
            default:
                Response.StatusCode = StatusCodes.Status409Conflict;
                ModelState.AddModelError(string.Empty, Named(code, result.Message!));
                break;
        }
    }

    /// <summary>A message about one of the page's milestones, named so that the error summary says which: "1.6b: enter the progress made this quarter".</summary>
    public static string Named(string code, string message) => $"{code}: {char.ToLowerInvariant(message[0])}{message[1..]}";

    /// <summary>Whether any of a milestone's boxes has an error, so that its section shows open.</summary>
    public bool HasErrors(int milestoneId) =>
        ModelState.Any(e => e.Key.StartsWith(FieldPrefix(milestoneId) + ".", StringComparison.Ordinal) && e.Value?.Errors.Count > 0);

    /// <summary>The anchor of a milestone's section: "milestone-1-3a" for 1.3a.</summary>
    public static string Anchor(string code) => "milestone-" + GovUkHtml.IdFor(code.ToLowerInvariant());

    /// <summary>The last day a link works: a link that expires at midnight worked until the day before.</summary>
    public static DateOnly LastDay(DateTimeOffset expiresAt) => DateOnly.FromDateTime(expiresAt.UtcDateTime.AddTicks(-1));

    public static string FieldPrefix(int milestoneId) => $"Updates[{milestoneId.ToString(CultureInfo.InvariantCulture)}]";

    /// <summary>This quarter's update as it stands, or last quarter's progress and status to start from when there is none.</summary>
    private static Form Prefill(UpdateSlot slot) => new()
    {
        Progress = slot.Current?.Progress ?? slot.Previous?.Progress,
        Value = UpdateInput.ValueText(slot.Current, slot.Milestone.MeasurementKind),
        Status = (slot.Current?.Status ?? slot.Previous?.Status)?.ToString(),
        Marking = (slot.Current?.Marking ?? ProtectiveMarking.Official).ToString(),
        Version = slot.Current?.Version ?? 0,
    };

    private async Task<bool> OpenAsync(string token, CancellationToken ct)
    {
        // The token was taken out of the path before the request was logged (UpdateLinkRedactingHttpContextFactory).
        token = HttpContext.Features.Get<UpdateLinkTokenFeature>()?.Token ?? token;
        Token = token;

        // The token is a password in the address: keep it out of search engines and the Referer of the page's assets (and out
        // of caches: antiforgery marks the pages with forms no-store, and the others are marked here).
        Response.Headers["Referrer-Policy"] = "no-referrer";
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        var resolution = await links.ResolveAsync(token, ct);
        if (resolution.Opened is not { } opened)
        {
            Problem = resolution.Problem;
            FoundLink = resolution.Found;
            HttpContext.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
            Response.Headers.CacheControl = "no-store";
            Response.StatusCode = Problem == UpdateLinkProblem.Unknown ? StatusCodes.Status404NotFound : StatusCodes.Status410Gone;
            return false;
        }

        Opened = opened;
        Round = await updates.RoundAsync(opened.Link.PartnershipId, opened.Link.Period, ct);
        Closed = await updates.ClosedToLeadsAsync(opened.Link.PartnershipId, opened.Link.Period, ct);
        var mine = (await updates.SlotsAsync(opened.Link.PartnershipId, opened.Link.Period, opened.User, ct)).Where(s => s.CanUpdate).ToList();
        ToDo = mine.Where(s => s.Current is null or { State: UpdateState.Draft or UpdateState.Returned }).ToList();
        Done = mine.Except(ToDo).ToList();
        return true;
    }
}

/// <summary>One milestone's section of the update link page; collapsed behind "Change your update" when already sent.</summary>
public sealed record UpdateLinkMilestone(UpdateSlot Slot, UpdateLinkPageModel.Form Form, IReadOnlyList<Choice> Statuses, bool Collapsed);

/// <summary>GOV.UK fields the update link page needs beyond <see cref="GovUkHtml"/>: a number with a prefix or suffix.</summary>
public static class UpdateLinkHtml
{
    /// <summary>GOV.UK small radios (<c>govuk-radios--small</c>), so a list of six statuses stays short on a phone.</summary>
    public static IHtmlContent SmallRadios(this IHtmlHelper html, string name, string legend, string? value, IEnumerable<Choice> choices)
    {
        ArgumentNullException.ThrowIfNull(html);
        var id = GovUkHtml.IdFor(name);
        var error = GovUkHtml.ErrorFor(html, name);
        var items = choices.Select((c, i) =>
        {
            var itemId = i == 0 ? id : $"{id}-{i + 1}";
            return $"<div class=\"govuk-radios__item\"><input class=\"govuk-radios__input\" id=\"{itemId}\" name=\"{E(name)}\" type=\"radio\" value=\"{E(c.Value)}\"{(c.Value == value ? " checked" : "")}><label class=\"govuk-label govuk-radios__label\" for=\"{itemId}\">{E(c.Text)}</label></div>";
        });
        return new HtmlString(
            $"<div class=\"govuk-form-group{(error is null ? "" : " govuk-form-group--error")}\"><fieldset class=\"govuk-fieldset\"{(error is null ? "" : $" aria-describedby=\"{id}-error\"")}>"
            + $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{E(legend)}</legend>"
            + (error is null ? "" : $"<p id=\"{id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {E(error)}</p>")
            + $"<div class=\"govuk-radios govuk-radios--small\" data-module=\"govuk-radios\">{string.Concat(items)}</div></fieldset></div>");
    }

    /// <summary>A GOV.UK text input with an optional prefix (£) or suffix (%), as the design system's input wrapper.</summary>
    public static IHtmlContent AffixedInput(this IHtmlHelper html, string name, string label, string? value, string? hint, string? prefix, string? suffix, string width, string inputMode)
    {
        ArgumentNullException.ThrowIfNull(html);
        var id = GovUkHtml.IdFor(name);
        var error = GovUkHtml.ErrorFor(html, name);
        var describedBy = string.Join(' ', new[] { hint is null ? null : $"{id}-hint", error is null ? null : $"{id}-error" }.OfType<string>());
        return new HtmlString(
            $"<div class=\"govuk-form-group{(error is null ? "" : " govuk-form-group--error")}\">"
            + $"<label class=\"govuk-label govuk-label--s\" for=\"{id}\">{E(label)}</label>"
            + (hint is null ? "" : $"<div id=\"{id}-hint\" class=\"govuk-hint\">{E(hint)}</div>")
            + (error is null ? "" : $"<p id=\"{id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {E(error)}</p>")
            + "<div class=\"govuk-input__wrapper\">"
            + (prefix is null ? "" : $"<div class=\"govuk-input__prefix\" aria-hidden=\"true\">{E(prefix)}</div>")
            + $"<input class=\"govuk-input {width}{(error is null ? "" : " govuk-input--error")}\" id=\"{id}\" name=\"{E(name)}\" type=\"text\" value=\"{E(value)}\" inputmode=\"{E(inputMode)}\" spellcheck=\"false\" autocomplete=\"off\"{(describedBy.Length == 0 ? "" : $" aria-describedby=\"{E(describedBy)}\"")}>"
            + (suffix is null ? "" : $"<div class=\"govuk-input__suffix\" aria-hidden=\"true\">{E(suffix)}</div>")
            + "</div></div>");
    }

    private static string E(string? text) => HtmlEncoder.Default.Encode(text ?? "");
}
