using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SaferPlan.Core.Monitoring;

namespace SaferPlan.Core.Accounts;

/// <summary>
/// An e-mailed invitation to take a role in a partnership: its link lets the person set their name and password once.
/// Only the token's hash is stored; it expires, is used once and can be revoked, and every step is audited.
/// </summary>
public sealed class Invitation : PersonalLink
{
    public int PartnershipId { get; set; }

    public Partnership Partnership { get; set; } = null!;

    public required string Email { get; set; }

    public PartnershipRole Role { get; set; }

    public DateTimeOffset? AcceptedAt { get; set; }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.ToTable("Invitations");
        builder.IsPersonalLink();
        builder.Property(i => i.Email).HasMaxLength(320);
        builder.HasOne(i => i.Partnership).WithMany().HasForeignKey(i => i.PartnershipId);
    }
}

/// <summary>Why an invitation link does not work, each with its own message.</summary>
public enum InvitationProblem
{
    Unknown,
    Expired,
    Revoked,
    Used,

    /// <summary>The address has an account already (made since the invitation was sent, perhaps by another invitation).</summary>
    AccountExists,
}

public sealed record InvitationCheck(Invitation? Invitation, InvitationProblem? Problem)
{
    public bool IsUsable => Problem is null;

    public string? Message => Problem switch
    {
        InvitationProblem.Unknown => "This invitation link is not recognised. Check you copied the whole link from the e-mail, or ask your partnership's administrator for a new invitation.",
        InvitationProblem.Expired => "This invitation has expired. Ask your partnership's administrator to invite you again.",
        InvitationProblem.Revoked => "This invitation has been withdrawn. Ask your partnership's administrator if you still need an account.",
        InvitationProblem.Used => "This invitation has already been used. Sign in with the password you set, or ask your partnership's administrator to invite you again.",
        InvitationProblem.AccountExists => "There is already an account with this invitation's email address. Sign in with its password (or reset it from the sign-in page), and ask your partnership's administrator to give that account the role.",
        _ => null,
    };
}

/// <summary>
/// Invitations by e-mail: an administrator invites an address to a role in their partnership; the e-mail waits in the
/// outbox; the person opens the link once to set their name and password, which makes their account through
/// <see cref="AccountService.AddUserAsync(string, string, PartnershipRole, string, string?, CancellationToken)"/>.
/// </summary>
public sealed class InvitationService(SaferPlanDbContext db, AccountService accounts, UserManager<User> users, TimeProvider time)
{
    public const string TokenPrefix = "inv_";

    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    /// <summary>Queues an invitation e-mail with a new link to <c>{baseUrl}/invitations/{token}</c>; audited as the inviter's.</summary>
    public async Task<EditResult<Invitation>> InviteAsync(int partnershipId, string? email, PartnershipRole? role, UserContext inviter, string baseUrl, CancellationToken ct = default)
    {
        if (!Permissions.CanManageAccounts(inviter, partnershipId))
        {
            return EditResult<Invitation>.Forbidden("Only the partnership's administrators can invite people.");
        }

        var partnership = await db.Partnerships.FirstOrDefaultAsync(p => p.Id == partnershipId, ct);
        if (partnership is null)
        {
            return EditResult<Invitation>.NotFound("There is no such partnership.");
        }

        var check = new FieldCheck();
        var address = email?.Trim() ?? "";
        if (address.Length == 0)
        {
            check.Add("Email", "Enter an email address");
        }
        else if (address.Length > 320 || !System.Net.Mail.MailAddress.TryCreate(address, out var parsed) || parsed.Address != address)
        {
            check.Add("Email", "Enter an email address in the correct format, like name@example.org");
        }
        else if (await users.FindByEmailAsync(address) is { } existing)
        {
            // An invitation sets a password: one to an address that has an account already would let its link reset that account.
            var hasRole = role is { } given && await db.Memberships.AnyAsync(m => m.UserId == existing.Id && m.PartnershipId == partnershipId && m.Role == given, ct);
            check.Add("Email", hasRole
                ? $"{address} is already {AccountService.RoleName(role!.Value)} of {partnership.Name}"
                : $"{address} already has a SaferPlan account: give them the role under \"Give a role to someone with an account\" instead");
        }

        var invitedAs = check.Chosen("Role", role, "Select a role");
        if (check.Refused(out EditResult<Invitation>? invalid))
        {
            return invalid;
        }

        var token = SecretTokens.New(TokenPrefix);
        var now = time.GetUtcNow();
        var invitation = new Invitation
        {
            TokenHash = SecretTokens.Hash(token),
            PartnershipId = partnershipId,
            Email = address,
            Role = invitedAs,
            CreatedAt = now,
            CreatedBy = inviter.Name,
            ExpiresAt = now.Add(Lifetime),
        };
        db.Add(invitation);
        var url = $"{baseUrl.TrimEnd('/')}/invitations/{token}";
        var roleName = AccountService.RoleName(invitation.Role);
        var until = Dates.Display(DateOnly.FromDateTime(invitation.ExpiresAt.UtcDateTime));
        db.Add(new OutboxMessage
        {
            To = address,
            Subject = $"You are invited to SaferPlan for {partnership.Name}",
            TextBody = string.Create(CultureInfo.InvariantCulture,
                $"{inviter.Name} has invited you to SaferPlan as {roleName} of {partnership.Name}.\n\nOpen this link to set your name and password:\n\n{url}\n\nThe link works once, until {until}. If you were not expecting this, you can ignore this e-mail.\n"),
            HtmlBody = string.Create(CultureInfo.InvariantCulture,
                $"<p>{E(inviter.Name)} has invited you to SaferPlan as {E(roleName)} of {E(partnership.Name)}.</p>\n<p><a href=\"{E(url)}\">Set your name and password</a></p>\n<p>If the link does not open, copy this address into your browser: {E(url)}</p>\n<p>The link works once, until {E(until)}. If you were not expecting this, you can ignore this e-mail.</p>\n"),
            CreatedAt = now,
            NextAttemptAt = now,
        });
        db.AuditPartnershipId = partnershipId;
        await db.SaveChangesAsync(ct);
        return EditResult<Invitation>.Ok(invitation);
    }

    /// <summary>The partnership's invitations, newest first, for its administrators.</summary>
    public async Task<IReadOnlyList<Invitation>> ListAsync(int partnershipId, CancellationToken ct = default) =>
        (await db.Set<Invitation>().AsNoTracking().Where(i => i.PartnershipId == partnershipId).ToListAsync(ct))
            .OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id).ToList();

    /// <summary>Stops an invitation's link working; the row stays for the audit trail.</summary>
    public async Task<EditResult<Invitation>> RevokeAsync(int partnershipId, int invitationId, UserContext user, CancellationToken ct = default)
    {
        if (!Permissions.CanManageAccounts(user, partnershipId))
        {
            return EditResult<Invitation>.Forbidden("Only the partnership's administrators can withdraw invitations.");
        }

        var invitation = await db.Set<Invitation>().FirstOrDefaultAsync(i => i.Id == invitationId && i.PartnershipId == partnershipId, ct);
        if (invitation is null)
        {
            return EditResult<Invitation>.NotFound("There is no such invitation.");
        }

        if (invitation.AcceptedAt is null && invitation.RevokedAt is null)
        {
            invitation.RevokedAt = time.GetUtcNow();
            db.AuditPartnershipId = partnershipId;
            await db.SaveChangesAsync(ct);
        }

        return EditResult<Invitation>.Ok(invitation);
    }

    /// <summary>Whether a link's token is a current invitation, and if not, why not.</summary>
    public async Task<InvitationCheck> CheckAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || !token.StartsWith(TokenPrefix, StringComparison.Ordinal) || token.Length > 200)
        {
            return new InvitationCheck(null, InvitationProblem.Unknown);
        }

        var hash = SecretTokens.Hash(token);
        var invitation = await db.Set<Invitation>().Include(i => i.Partnership).FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
        return invitation switch
        {
            null => new InvitationCheck(null, InvitationProblem.Unknown),
            { AcceptedAt: not null } => new InvitationCheck(invitation, InvitationProblem.Used),
            { RevokedAt: not null } => new InvitationCheck(invitation, InvitationProblem.Revoked),
            _ when invitation.ExpiresAt <= time.GetUtcNow() => new InvitationCheck(invitation, InvitationProblem.Expired),
            _ when await users.FindByEmailAsync(invitation.Email) is not null => new InvitationCheck(invitation, InvitationProblem.AccountExists),
            _ => new InvitationCheck(invitation, null),
        };
    }

    /// <summary>
    /// Uses an invitation once: sets the person's name and password and gives them the role. The invitation is marked used
    /// in the same transaction, so a link opened twice at once makes one account.
    /// </summary>
    public async Task<EditResult<User>> AcceptAsync(string? token, string? displayName, string? password, string? confirmPassword, CancellationToken ct = default)
    {
        var check = await CheckAsync(token, ct);
        if (!check.IsUsable)
        {
            return EditResult<User>.Forbidden(check.Message!);
        }

        var errors = new Dictionary<string, string>();
        if (AccountService.ValidateDisplayName(displayName) is { } invalidName)
        {
            errors["DisplayName"] = invalidName;
        }

        if (string.IsNullOrEmpty(password))
        {
            errors["Password"] = "Enter a password";
        }
        else
        {
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, new User(), password);
                if (!result.Succeeded)
                {
                    errors["Password"] = string.Join(" ", result.Errors.Select(e => e.Description));
                    break;
                }
            }

            if (!errors.ContainsKey("Password") && password != confirmPassword)
            {
                errors["ConfirmPassword"] = "Enter the same password twice";
            }
        }

        if (errors.Count > 0)
        {
            return EditResult<User>.Invalid(errors);
        }

        var invitation = check.Invitation!;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = time.GetUtcNow();
        var claimed = await db.Set<Invitation>()
            .Where(i => i.Id == invitation.Id && i.AcceptedAt == null && i.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedAt, now), ct);
        if (claimed != 1)
        {
            return EditResult<User>.Forbidden(new InvitationCheck(invitation, InvitationProblem.Used).Message!);
        }

        var added = await accounts.AddUserAsync(invitation.Email, password!, invitation.Role, invitation.Partnership.Slug, displayName, ct);
        if (!added.Succeeded)
        {
            return EditResult<User>.Invalid("Password", added.Message!);
        }

        // The claim above is not tracked; setting it on the tracked invitation too writes the acceptance to the audit trail.
        invitation.AcceptedAt = now;
        db.AuditPartnershipId = invitation.PartnershipId;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return EditResult<User>.Ok(added.Value.User);
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
