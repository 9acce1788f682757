namespace SaferPlan.Accounts;

/// <summary>
/// A signed-in user's own account: the e-mail address they sign in with (shown only to them) and the name they go by,
/// which their updates, reviews and changes are recorded under.
/// </summary>
[Authorize]
public sealed class AccountModel(AccountService accounts, CurrentUser current) : PageModel
{
    [BindProperty]
    public string? DisplayName { get; set; }

    public string? Email { get; private set; }

    /// <summary>The person in the plans this account is, if any, with their role title.</summary>
    public string? Person { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } user)
        {
            return Forbid();
        }

        DisplayName = user.DisplayName ?? user.Person?.Name;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } user)
        {
            return Forbid();
        }

        ModelState.Clear();
        return this.Saved(await accounts.SetDisplayNameAsync(user.Id, DisplayName, ct), saved => $"Your name is now {saved.DisplayName}", _ => "/account");
    }

    private async Task<User?> LoadAsync(CancellationToken ct)
    {
        var signedIn = await current.GetAsync();
        if (signedIn.UserId is not { } id || signedIn.LinkPeriod is not null || await accounts.UserAsync(id, ct) is not { } user)
        {
            return null;
        }

        Email = user.Email;
        Person = user.Person is { } p ? (p.RoleTitle is null ? p.Name : $"{p.Name}, {p.RoleTitle}") : null;
        return user;
    }
}
