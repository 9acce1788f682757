using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SaferPlan.Core.Data;

namespace SaferPlan.Core.Accounts;

public sealed record AddUserResult(bool Succeeded, string Message, User? User = null);

/// <summary>Creates users and their partnership roles, issues API tokens and reads who a user is.</summary>
public sealed class AccountService(SaferPlanDbContext db, UserManager<User> users, TimeProvider time)
{
    private const string TokenPrefix = "sp_";

    public async Task<AddUserResult> AddUserAsync(string email, string password, PartnershipRole role, string partnershipSlug, CancellationToken ct = default)
    {
        var partnership = await db.Partnerships.FirstOrDefaultAsync(p => p.Slug == partnershipSlug, ct);
        if (partnership is null)
        {
            var known = string.Join(", ", await db.Partnerships.Select(p => p.Slug).ToListAsync(ct));
            return new AddUserResult(false, $"There is no partnership '{partnershipSlug}'. Known partnerships: {(known.Length == 0 ? "none" : known)}.");
        }

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new User { UserName = email, Email = email, EmailConfirmed = true };
            user.PersonId = await db.People.Where(p => p.PartnershipId == partnership.Id && p.Email == email).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                return new AddUserResult(false, string.Join(" ", created.Errors.Select(e => e.Description)));
            }
        }
        else if (!string.IsNullOrEmpty(password))
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var reset = await users.ResetPasswordAsync(user, token, password);
            if (!reset.Succeeded)
            {
                return new AddUserResult(false, string.Join(" ", reset.Errors.Select(e => e.Description)));
            }
        }

        if (!await db.Memberships.AnyAsync(m => m.UserId == user.Id && m.PartnershipId == partnership.Id && m.Role == role, ct))
        {
            db.Memberships.Add(new Membership { UserId = user.Id, PartnershipId = partnership.Id, Role = role });
            db.AuditPartnershipId = partnership.Id;
            await db.SaveChangesAsync(ct);
        }

        var person = user.PersonId is { } personId ? await db.People.FindAsync([personId], ct) : null;
        return new AddUserResult(true, $"{email} is {role} of {partnership.Name}{(person is null ? "" : $", signed in as {person.Name}")}.", user);
    }

    /// <summary>Creates a bearer token for the API; the token itself is shown once and only its hash is kept.</summary>
    public async Task<(string? Token, string Message)> CreateTokenAsync(string email, string name, int? days, CancellationToken ct = default)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            return (null, $"There is no user with the email address {email}. Add one first with: saferplan users add --email {email} --role ROLE --partnership SLUG");
        }

        var token = TokenPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = time.GetUtcNow();
        db.ApiTokens.Add(new ApiToken
        {
            UserId = user.Id,
            Name = name,
            TokenHash = Hash(token),
            CreatedAt = now,
            ExpiresAt = days is { } d ? now.AddDays(d) : null,
        });
        await db.SaveChangesAsync(ct);
        return (token, $"Token '{name}' for {email}{(days is { } dd ? $", valid for {dd} days" : "")}.");
    }

    private sealed record TokenRow(DateTimeOffset? ExpiresAt, string UserId, string? Email, string? UserName, int? PersonId, List<PartnershipMembership> Memberships);

    /// <summary>
    /// A current token's hash to its user and their roles, in one query compiled once per model (SQLite and PostgreSQL
    /// differ): the API's every request asks it.
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Microsoft.EntityFrameworkCore.Metadata.IModel, Func<SaferPlanDbContext, string, CancellationToken, Task<TokenRow?>>> TokenQueries = [];

    private static Func<SaferPlanDbContext, string, CancellationToken, Task<TokenRow?>> CompileTokenQuery() =>
        EF.CompileAsyncQuery((SaferPlanDbContext db, string hash, CancellationToken ct) => db.ApiTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash && t.RevokedAt == null)
            .Select(t => new TokenRow(
                t.ExpiresAt,
                t.UserId,
                t.User!.Email,
                t.User.UserName,
                t.User.PersonId,
                t.User.Memberships.Select(m => new PartnershipMembership(m.PartnershipId, m.Role)).ToList()))
            .FirstOrDefault());

    /// <summary>Who a bearer token speaks for, with their partnership roles, if it is current; one query.</summary>
    public async Task<UserContext?> ContextForTokenAsync(string token, CancellationToken ct = default)
    {
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var query = TokenQueries.GetValue(db.Model, _ => CompileTokenQuery());
        var row = await query(db, Hash(token), ct);
        if (row is null || (row.ExpiresAt is { } expires && expires <= time.GetUtcNow()))
        {
            return null;
        }

        return new UserContext(row.UserId, row.Email ?? row.UserName ?? row.UserId, row.PersonId, row.Memberships);
    }

    public async Task<UserContext> ContextForAsync(string userId, CancellationToken ct = default)
    {
        var user = await db.Users.AsNoTracking().Include(u => u.Memberships).FirstOrDefaultAsync(u => u.Id == userId, ct);
        return user is null
            ? UserContext.Anonymous
            : new UserContext(user.Id, user.Email ?? user.UserName ?? user.Id, user.PersonId,
                user.Memberships.Select(m => new PartnershipMembership(m.PartnershipId, m.Role)).ToList());
    }

    public Task<bool> AnyAdministratorAsync(CancellationToken ct = default) =>
        db.Memberships.AnyAsync(m => m.Role == PartnershipRole.Administrator, ct);

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
