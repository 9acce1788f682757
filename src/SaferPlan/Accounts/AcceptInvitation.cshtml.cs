namespace SaferPlan.Accounts;

/// <summary>
/// Where an invitation's e-mailed link leads: the person sets the name they go by and a password, once. A link that is
/// unknown, expired, withdrawn or used says so, and what to do.
/// </summary>
public sealed class AcceptInvitationModel(InvitationService invitations) : PageModel
{
    public InvitationCheck Check { get; private set; } = new(null, InvitationProblem.Unknown);

    public sealed record Form(string? DisplayName = null, string? Password = null, string? ConfirmPassword = null);

    [BindProperty]
    public Form Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        Check = await invitations.CheckAsync(token, ct);
        return Check.IsUsable ? Page() : Refused();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        Check = await invitations.CheckAsync(token, ct);
        if (!Check.IsUsable)
        {
            return Refused();
        }

        ModelState.Clear();
        var result = await invitations.AcceptAsync(token, Input.DisplayName, Input.Password, Input.ConfirmPassword, ct);
        if (result.Status == Core.Editing.EditStatus.Forbidden)
        {
            Check = await invitations.CheckAsync(token, ct);
            return Refused();
        }

        if (!result.Succeeded)
        {
            ModelState.AddFieldErrors(result.Errors, "DisplayName", "Password", "ConfirmPassword");
            return Page();
        }

        return this.Done($"Your account is ready, {result.Value.DisplayName}. Sign in with your email address and the password you chose.", "/account/sign-in");
    }

    /// <summary>An unusable link is a page of its own (410 Gone for a link that worked once), not an error against a field.</summary>
    private PageResult Refused()
    {
        var page = Page();
        page.StatusCode = Check.Problem == InvitationProblem.Unknown ? StatusCodes.Status404NotFound : StatusCodes.Status410Gone;
        return page;
    }
}
