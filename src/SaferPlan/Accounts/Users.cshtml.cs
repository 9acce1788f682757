namespace SaferPlan.Accounts;

/// <summary>
/// A partnership's accounts, for its administrators: who has which role, invitations by e-mail, giving and taking roles
/// and removing accounts. The account changes go through <see cref="AccountService"/>, as the CLI's do.
/// </summary>
[Authorize]
public sealed class UsersModel(AccountService accounts, InvitationService invitations, PartnershipService partnerships, CurrentUser current, IConfiguration configuration, TimeProvider time) : PageModel
{
    public Partnership Partnership { get; private set; } = null!;

    public IReadOnlyList<PartnershipMember> Members { get; private set; } = [];

    public IReadOnlyList<Invitation> Invitations { get; private set; } = [];

    public UserContext Viewer { get; private set; } = UserContext.Anonymous;

    public DateTimeOffset Now { get; private set; }

    public sealed record InviteForm(string? InviteEmail = null, string? InviteRole = null);

    public sealed record RoleForm(string? RoleEmail = null, string? RoleToGive = null);

    [BindProperty] public InviteForm Invite { get; set; } = new();
    [BindProperty] public RoleForm Grant { get; set; } = new();

    public static IEnumerable<Choice> Roles =>
        Enum.GetValues<PartnershipRole>().Select(r => new Choice(r.ToString(), Capitalised(AccountService.RoleName(r)), AccountService.RoleHint(r)));

    public static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) =>
        await LoadAsync(slug, ct) ?? Page();

    public async Task<IActionResult> OnPostInviteAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } refused)
        {
            return refused;
        }

        ModelState.Clear();
        if (PublicLinks.BaseUrl(configuration) is not { } publicUrl)
        {
            ModelState.AddModelError("InviteEmail", "Invitations cannot be sent until the site's public address is set: whoever runs SaferPlan sets SaferPlan:PublicUrl, which the e-mailed links start with");
            return Page();
        }

        PartnershipRole? role = Enum.TryParse<PartnershipRole>(Invite.InviteRole, out var r) && Enum.IsDefined(r) ? r : null;
        var result = await invitations.InviteAsync(Partnership.Id, Invite.InviteEmail, role, Viewer, publicUrl, ct);
        if (!result.Succeeded)
        {
            await ReloadAsync(ct);
        }

        return this.Refusal(result, prefix: "", box: field => field == "Email" ? "InviteEmail" : "InviteRole")
            ?? this.Done($"Invitation sent to {result.Value!.Email}. The link works once, for 7 days.", $"/partnerships/{slug}/users");
    }

    public async Task<IActionResult> OnPostRevokeAsync(string slug, int invitation, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } refused)
        {
            return refused;
        }

        var result = await invitations.RevokeAsync(Partnership.Id, invitation, Viewer, ct);
        if (!result.Succeeded)
        {
            return NotFound();
        }

        return this.Done($"The invitation to {result.Value.Email} no longer works.", $"/partnerships/{slug}/users");
    }

    public async Task<IActionResult> OnPostGiveRoleAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } refused)
        {
            return refused;
        }

        ModelState.Clear();
        var email = Grant.RoleEmail?.Trim() ?? "";
        if (!Enum.TryParse<PartnershipRole>(Grant.RoleToGive, out var role) || !Enum.IsDefined(role))
        {
            ModelState.AddModelError("RoleToGive", "Select a role");
        }

        if (email.Length == 0)
        {
            ModelState.AddModelError("RoleEmail", "Enter the email address of someone who has an account");
        }
        else if (await accounts.UserByEmailAsync(email, ct) is null)
        {
            ModelState.AddModelError("RoleEmail", "There is no account with this email address: invite them instead");
        }

        if (!ModelState.IsValid)
        {
            // Field order in the summary follows the form: address first, then role.
            var errors = ModelState.OrderBy(e => e.Key == "RoleEmail" ? 0 : 1).SelectMany(e => e.Value!.Errors.Select(x => (e.Key, x.ErrorMessage))).ToList();
            ModelState.Clear();
            foreach (var (key, message) in errors)
            {
                ModelState.AddModelError(key, message);
            }

            return Page();
        }

        if (Members.Any(m => string.Equals(m.Email, email, StringComparison.OrdinalIgnoreCase) && m.Roles.Contains(role)))
        {
            ModelState.AddModelError("RoleEmail", $"{email} is already {AccountService.RoleName(role)} of {Partnership.Name}");
            return Page();
        }

        var result = await accounts.AddUserAsync(email, "", role, Partnership.Slug, ct);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("RoleEmail", result.Message!);
            return Page();
        }

        return this.Done($"{email} is now {AccountService.RoleName(role)} of {Partnership.Name}.", $"/partnerships/{slug}/users");
    }

    public async Task<IActionResult> OnPostTakeRoleAsync(string slug, string user, string role, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } refused)
        {
            return refused;
        }

        var member = Members.FirstOrDefault(m => m.UserId == user);
        if (member is null || !Enum.TryParse<PartnershipRole>(role, out var taken))
        {
            return NotFound();
        }

        return this.Refusal(await accounts.RemoveRoleAsync(member.Email, taken, Partnership.Slug, ct), prefix: "")
            ?? this.Done($"{member.Name} is no longer {AccountService.RoleName(taken)} of {Partnership.Name}.", $"/partnerships/{slug}/users");
    }

    public async Task<IActionResult> OnPostRemoveAsync(string slug, string user, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } refused)
        {
            return refused;
        }

        var member = Members.FirstOrDefault(m => m.UserId == user);
        if (member is null)
        {
            return NotFound();
        }

        if (!Permissions.CanRemoveAccount(Viewer, member.PartnershipIds))
        {
            ModelState.AddModelError(string.Empty, $"{member.Name} also has roles in other partnerships, so only their roles here can be taken away");
            return Page();
        }

        return this.Refusal(await accounts.RemoveUserAsync(member.Email, ct), prefix: "")
            ?? this.Done($"{member.Name}'s account is removed; they can no longer sign in.", $"/partnerships/{slug}/users");
    }

    public bool CanRemove(PartnershipMember member) => Permissions.CanRemoveAccount(Viewer, member.PartnershipIds);

    /// <summary>Where an invitation stands, in words.</summary>
    public string StatusOf(Invitation invitation) =>
        invitation.AcceptedAt is not null ? "Accepted"
        : invitation.RevokedAt is not null ? "Withdrawn"
        : invitation.ExpiresAt <= Now ? "Expired"
        : "Waiting";

    private async Task<IActionResult?> LoadAsync(string slug, CancellationToken ct)
    {
        if (await partnerships.BySlugAsync(slug, ct) is not { } partnership)
        {
            return NotFound();
        }

        Partnership = partnership;
        Viewer = await current.GetAsync();
        if (!Permissions.CanManageAccounts(Viewer, partnership.Id))
        {
            return Forbid();
        }

        await ReloadAsync(ct);
        return null;
    }

    private async Task ReloadAsync(CancellationToken ct)
    {
        Now = time.GetUtcNow();
        Members = await accounts.MembersAsync(Partnership.Id, ct);
        Invitations = await invitations.ListAsync(Partnership.Id, ct);
    }
}
