using Microsoft.AspNetCore.Identity;
using SaferPlan.Core.Auditing;

namespace SaferPlan.Core.Accounts;

/// <summary>A user added (or given another role), with the sentence that says so.</summary>
public sealed record AddedUser(User User, string Message);

/// <summary>A new API token, shown this once, with the sentence that says whose it is and how long it lasts.</summary>
public sealed record CreatedToken(string Token, string Message);

/// <summary>A token as <c>saferplan tokens list</c> shows it: never its hash.</summary>
public sealed record TokenListing(int Id, string Name, string Email, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt);

/// <summary>A user with a role in a partnership, for its administrators: their address, the name they go by and their roles there.</summary>
public sealed record PartnershipMember(string UserId, string Email, string Name, IReadOnlyList<PartnershipRole> Roles, IReadOnlyList<int> PartnershipIds);

/// <summary>Creates users and their partnership roles, issues API tokens and reads who a user is.</summary>
public sealed class AccountService(SaferPlanDbContext db, UserManager<User> users, TimeProvider time, IActorAccessor actor)
{
    private const string TokenPrefix = "sp_";

    public const int DisplayNameLength = 200;

    public Task<EditResult<AddedUser>> AddUserAsync(string email, string password, PartnershipRole role, string partnershipSlug, CancellationToken ct = default) =>
        AddUserAsync(email, password, role, partnershipSlug, null, ct);

    /// <summary>Adds a user (or gives an existing one another role), with the name they go by when one is given.</summary>
    public async Task<EditResult<AddedUser>> AddUserAsync(string email, string password, PartnershipRole role, string partnershipSlug, string? displayName, CancellationToken ct = default)
    {
        if (displayName is not null && ValidateDisplayName(displayName) is { } invalid)
        {
            return EditResult<AddedUser>.Invalid("DisplayName", invalid + ".");
        }

        var partnership = await db.Partnerships.FirstOrDefaultAsync(p => p.Slug == partnershipSlug, ct);
        if (partnership is null)
        {
            var known = string.Join(", ", await db.Partnerships.Select(p => p.Slug).ToListAsync(ct));
            return EditResult<AddedUser>.NotFound($"There is no partnership '{partnershipSlug}'. Known partnerships: {(known.Length == 0 ? "none" : known)}.");
        }

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new User { UserName = email, Email = email, EmailConfirmed = true };
            user.PersonId = await db.People.Where(p => p.PartnershipId == partnership.Id && p.Email == email).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                return Refused(created);
            }
        }
        else if (!string.IsNullOrEmpty(password))
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var reset = await users.ResetPasswordAsync(user, token, password);
            if (!reset.Succeeded)
            {
                return Refused(reset);
            }
        }

        if (displayName is not null)
        {
            await SetDisplayNameAsync(user, displayName, ct);
        }

        if (!await db.Memberships.AnyAsync(m => m.UserId == user.Id && m.PartnershipId == partnership.Id && m.Role == role, ct))
        {
            db.Memberships.Add(new Membership { UserId = user.Id, PartnershipId = partnership.Id, Role = role });
            db.AuditPartnershipId = partnership.Id;
            await db.SaveChangesAsync(ct);
        }

        var person = user.PersonId is { } personId ? await db.People.FindAsync([personId], ct) : null;
        var name = UserContext.NameOf(user.DisplayName, person?.Name, email, email);
        return EditResult<AddedUser>.Ok(new AddedUser(user, $"{email} is {role} of {partnership.Name}{(person is null ? "" : $", signed in as {person.Name}")}; their updates show the name {name}."));
    }

    /// <summary>An account Identity would not make or change, for the box its reasons are about: the password, or else the address.</summary>
    private static EditResult<AddedUser> Refused(IdentityResult refused) =>
        EditResult<AddedUser>.Invalid(refused.Errors.All(e => e.Code.StartsWith("Password", StringComparison.Ordinal)) ? "Password" : "Email", string.Join(" ", refused.Errors.Select(e => e.Description)));

    /// <summary>What is wrong with a display name, in GOV.UK words, or null when it will do.</summary>
    public static string? ValidateDisplayName(string? displayName) =>
        string.IsNullOrWhiteSpace(displayName) ? "Enter your name"
        : displayName.Trim().Length > DisplayNameLength ? $"Your name must be {DisplayNameLength} characters or fewer"
        : displayName.Contains('@', StringComparison.Ordinal) ? "Enter your name, not an e-mail address"
        : null;

    public async Task<User?> UserAsync(string userId, CancellationToken ct = default) =>
        await db.Users.AsNoTracking().Include(u => u.Person).FirstOrDefaultAsync(u => u.Id == userId, ct);

    /// <summary>Sets the name a user goes by (the account page); the change is written to the audit trail.</summary>
    public async Task<EditResult<User>> SetDisplayNameAsync(string userId, string? displayName, CancellationToken ct = default)
    {
        if (ValidateDisplayName(displayName) is { } invalid)
        {
            return EditResult<User>.Invalid("DisplayName", invalid);
        }

        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return EditResult<User>.NotFound("There is no such user.");
        }

        await SetDisplayNameAsync(user, displayName!, ct);
        return EditResult<User>.Ok(user);
    }

    /// <summary>
    /// A user's id is a string, so the DbContext cannot audit them as it does the numbered items: the change is recorded
    /// here, in the same save, naming the user it is about.
    /// </summary>
    private async Task SetDisplayNameAsync(User user, string displayName, CancellationToken ct)
    {
        var name = displayName.Trim();
        var old = user.DisplayName;
        if (old == name)
        {
            return;
        }

        user.DisplayName = name;
        var who = actor.Current;
        db.AuditEntries.Add(new AuditEntry
        {
            EntityType = nameof(User),
            EntityId = 0,
            PartnershipId = null,
            Action = AuditAction.Updated,
            UserId = who.UserId,
            Actor = who.UserId == user.Id ? name : who.Name,
            OccurredAt = time.GetUtcNow(),
            Changes = System.Text.Json.JsonSerializer.Serialize(
                new[] { new FieldChange("UserId", user.Id, user.Id), new FieldChange(nameof(User.DisplayName), old, name) }, AuditJson.Options),
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>How long a token lasts when <c>--days</c> is not given: a forgotten token should not work for ever.</summary>
    public const int DefaultTokenDays = 90;

    public const int MaxTokenDays = 3650;

    /// <summary>Creates a bearer token for the API; the token itself is shown once and only its hash is kept.</summary>
    public async Task<EditResult<CreatedToken>> CreateTokenAsync(string email, string name, int? days, CancellationToken ct = default)
    {
        if (days is < 1 or > MaxTokenDays)
        {
            return EditResult<CreatedToken>.Invalid("Days", $"Enter --days as a whole number of days from 1 to {MaxTokenDays}.");
        }

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            return EditResult<CreatedToken>.NotFound($"There is no user with the email address {email}. Add one first with: saferplan users add --email {email} --role ROLE --partnership SLUG");
        }

        var validDays = days ?? DefaultTokenDays;
        var token = SecretTokens.New(TokenPrefix);
        var now = time.GetUtcNow();
        db.ApiTokens.Add(new ApiToken
        {
            UserId = user.Id,
            Name = name,
            TokenHash = SecretTokens.Hash(token),
            CreatedAt = now,
            ExpiresAt = now.AddDays(validDays),
        });
        await db.SaveChangesAsync(ct);
        return EditResult<CreatedToken>.Ok(new CreatedToken(token, $"Token '{name}' for {email}, valid for {validDays} days."));
    }

    /// <summary>Every token, or one user's, newest first: who it acts as and whether it still works, never its hash.</summary>
    public async Task<EditResult<IReadOnlyList<TokenListing>>> ListTokensAsync(string? email, CancellationToken ct = default)
    {
        var query = db.ApiTokens.AsNoTracking();
        if (email is not null)
        {
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                return EditResult<IReadOnlyList<TokenListing>>.NotFound($"There is no user with the email address {email}.");
            }

            query = query.Where(t => t.UserId == user.Id);
        }

        var rows = await query
            .Select(t => new TokenListing(t.Id, t.Name, t.User.Email ?? t.UserId, t.CreatedAt, t.ExpiresAt, t.RevokedAt))
            .ToListAsync(ct);
        return EditResult<IReadOnlyList<TokenListing>>.Ok(rows.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).ToList());
    }

    /// <summary>Stops a token working from now on; the row stays, so the audit trail and <c>tokens list</c> still show it.</summary>
    /// <returns>The sentence saying what was done, or why nothing was.</returns>
    public async Task<EditResult<string>> RevokeTokenAsync(int? id, string? name, string? email, CancellationToken ct = default)
    {
        List<ApiToken> matches;
        if (id is { } tokenId)
        {
            matches = await db.ApiTokens.Include(t => t.User).Where(t => t.Id == tokenId).ToListAsync(ct);
        }
        else if (name is not null && email is not null)
        {
            var user = await users.FindByEmailAsync(email);
            matches = user is null
                ? []
                : await db.ApiTokens.Include(t => t.User).Where(t => t.UserId == user.Id && t.Name == name && t.RevokedAt == null).ToListAsync(ct);
        }
        else
        {
            return EditResult<string>.Invalid("Id", "Choose the token with --id, or with --name and --email (see saferplan tokens list).");
        }

        if (matches.Count == 0)
        {
            return EditResult<string>.NotFound(id is not null ? $"There is no token with id {id}." : $"{email} has no current token named '{name}'.");
        }

        if (matches.Count > 1)
        {
            return EditResult<string>.Invalid("Id", $"{email} has {matches.Count} current tokens named '{name}'; choose one with --id (see saferplan tokens list --email {email}).");
        }

        var token = matches[0];
        if (token.RevokedAt is { } revoked)
        {
            return EditResult<string>.Ok($"Token {token.Id} '{token.Name}' for {token.User?.Email} was already revoked on {Periods.Dates.Display(revoked)} UTC.");
        }

        token.RevokedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return EditResult<string>.Ok($"Revoked token {token.Id} '{token.Name}' for {token.User?.Email}.");
    }

    /// <summary>Takes one role in one partnership away from a user; a partnership always keeps at least one administrator.</summary>
    /// <returns>The sentence saying what was done, or why nothing was.</returns>
    public async Task<EditResult<string>> RemoveRoleAsync(string email, PartnershipRole role, string partnershipSlug, CancellationToken ct = default)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            return EditResult<string>.NotFound($"There is no user with the email address {email}.");
        }

        var membership = await db.Memberships.Include(m => m.Partnership)
            .FirstOrDefaultAsync(m => m.UserId == user.Id && m.Role == role && m.Partnership.Slug == partnershipSlug, ct);
        if (membership is null)
        {
            return EditResult<string>.NotFound($"{email} is not {role} of '{partnershipSlug}'.");
        }

        if (role == PartnershipRole.Administrator && await IsLastAdministratorAsync(user.Id, membership.PartnershipId, ct))
        {
            return EditResult<string>.Conflict($"{email} is the last Administrator of {membership.Partnership.Name}; add another Administrator first.");
        }

        db.Memberships.Remove(membership);
        db.AuditPartnershipId = membership.PartnershipId;
        await db.SaveChangesAsync(ct);
        return EditResult<string>.Ok($"{email} is no longer {role} of {membership.Partnership.Name}.");
    }

    /// <summary>
    /// Removes a user with their roles and tokens, so their password, tokens and any signed-in session stop working.
    /// What they wrote stays, under the name it was written with.
    /// </summary>
    /// <returns>The sentence saying what was done, or why nothing was.</returns>
    public async Task<EditResult<string>> RemoveUserAsync(string email, CancellationToken ct = default)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            return EditResult<string>.NotFound($"There is no user with the email address {email}.");
        }

        var memberships = await db.Memberships.Include(m => m.Partnership).Where(m => m.UserId == user.Id).ToListAsync(ct);
        foreach (var admin in memberships.Where(m => m.Role == PartnershipRole.Administrator))
        {
            if (await IsLastAdministratorAsync(user.Id, admin.PartnershipId, ct))
            {
                return EditResult<string>.Conflict($"{email} is the last Administrator of {admin.Partnership.Name}; add another Administrator first.");
            }
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // One save per partnership, so each removed role is audited in the partnership it belonged to.
        foreach (var partnership in memberships.GroupBy(m => m.PartnershipId))
        {
            db.Memberships.RemoveRange(partnership);
            db.AuditPartnershipId = partnership.Key;
            await db.SaveChangesAsync(ct);
        }

        db.AuditPartnershipId = null;
        db.ApiTokens.RemoveRange(await db.ApiTokens.Where(t => t.UserId == user.Id).ToListAsync(ct));
        db.Users.Remove(user);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return EditResult<string>.Ok($"Removed {email}{(memberships.Count == 0 ? "" : $" and their {memberships.Count} role(s)")}.");
    }

    private async Task<bool> IsLastAdministratorAsync(string userId, int partnershipId, CancellationToken ct) =>
        !await db.Memberships.AnyAsync(m => m.PartnershipId == partnershipId && m.Role == PartnershipRole.Administrator && m.UserId != userId, ct);

    private sealed record TokenRow(DateTimeOffset? ExpiresAt, string UserId, string? Email, string? UserName, string? DisplayName, string? PersonName, int? PersonId, List<PartnershipMembership> Memberships, string? NormalizedEmail);

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
                t.User.Email,
                t.User.UserName,
                t.User.DisplayName,
                t.User.Person == null ? null : t.User.Person.Name,
                t.User.PersonId,
                t.User.Memberships.Select(m => new PartnershipMembership(m.PartnershipId, m.Role)).ToList(),
                t.User.NormalizedEmail))
            .FirstOrDefault());

    /// <summary>Who a bearer token speaks for, with their partnership roles, if it is current; one query.</summary>
    public async Task<UserContext?> ContextForTokenAsync(string token, CancellationToken ct = default)
    {
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var query = TokenQueries.GetValue(db.Model, _ => CompileTokenQuery());
        var row = await query(db, SecretTokens.Hash(token), ct);
        if (row is null || (row.ExpiresAt is { } expires && expires <= time.GetUtcNow()))
        {
            return null;
        }

        return new UserContext(row.UserId, UserContext.NameOf(row.DisplayName, row.PersonName, row.Email ?? row.UserName, row.UserId), row.PersonId, row.Memberships)
        {
            PersonIds = UserContext.PeopleOf(row.PersonId, await PeopleByEmailAsync(row.NormalizedEmail, ct)),
        };
    }

    public async Task<UserContext> ContextForAsync(string userId, CancellationToken ct = default)
    {
        var user = await db.Users.AsNoTracking().Include(u => u.Memberships).Include(u => u.Person).FirstOrDefaultAsync(u => u.Id == userId, ct);
        return user is null ? UserContext.Anonymous : ContextOf(user, await PeopleByEmailAsync(user.NormalizedEmail, ct));
    }

    /// <summary>The people recorded with an account's e-mail address, in any partnership (see <see cref="UserContext.PersonIds"/>).</summary>
    private Task<List<int>> PeopleByEmailAsync(string? normalizedEmail, CancellationToken ct) =>
        normalizedEmail is null
            ? Task.FromResult(new List<int>())
#pragma warning disable CA1304, CA1311, CA1862 // upper() in SQL, as Identity normalises addresses: never run in .NET
            : db.People.Where(p => p.Email != null && p.Email.ToUpper() == normalizedEmail).Select(p => p.Id).ToListAsync(ct);
#pragma warning restore CA1304, CA1311, CA1862

    /// <summary>A user read with their roles and person, as every request sees them: named by <see cref="UserContext.NameOf"/>, never by e-mail address.</summary>
    private static UserContext ContextOf(User user, IEnumerable<int> peopleByEmail) =>
        new(user.Id, UserContext.NameOf(user.DisplayName, user.Person?.Name, user.Email ?? user.UserName, user.Id), user.PersonId,
            user.Memberships.Select(m => new PartnershipMembership(m.PartnershipId, m.Role)).ToList())
        {
            PersonIds = UserContext.PeopleOf(user.PersonId, peopleByEmail),
        };

    /// <summary>
    /// Who a sign-in cookie speaks for, if the user still exists and the cookie's security stamp is still theirs:
    /// signing out (or a new password) changes the stamp, so a cookie kept from before stops working. One query.
    /// </summary>
    public async Task<UserContext?> ContextForSessionAsync(string userId, string? securityStamp, CancellationToken ct = default)
    {
        if (securityStamp is null)
        {
            return null;
        }

        var query = SessionQueries.GetValue(db.Model, _ => CompileSessionQuery());
        var row = await query(db, userId, ct);
        return row is null || !string.Equals(row.SecurityStamp, securityStamp, StringComparison.Ordinal)
            ? null
            : new UserContext(userId, UserContext.NameOf(row.DisplayName, row.PersonName, row.Email ?? row.UserName, userId), row.PersonId, row.Memberships)
            {
                PersonIds = UserContext.PeopleOf(row.PersonId, await PeopleByEmailAsync(row.NormalizedEmail, ct)),
            };
    }

    private sealed record SessionRow(string? SecurityStamp, string? Email, string? UserName, string? DisplayName, string? PersonName, int? PersonId, List<PartnershipMembership> Memberships, string? NormalizedEmail);

    /// <summary>A signed-in page's user by id, only the columns a request needs, compiled once per model like <see cref="TokenQueries"/>: every page asks it.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Microsoft.EntityFrameworkCore.Metadata.IModel, Func<SaferPlanDbContext, string, CancellationToken, Task<SessionRow?>>> SessionQueries = [];

    private static Func<SaferPlanDbContext, string, CancellationToken, Task<SessionRow?>> CompileSessionQuery() =>
        EF.CompileAsyncQuery((SaferPlanDbContext db, string id, CancellationToken ct) => db.Users.AsNoTracking()
            .Where(u => u.Id == id)
            .Select(u => new SessionRow(
                u.SecurityStamp,
                u.Email,
                u.UserName,
                u.DisplayName,
                u.Person == null ? null : u.Person.Name,
                u.PersonId,
                u.Memberships.Select(m => new PartnershipMembership(m.PartnershipId, m.Role)).ToList(),
                u.NormalizedEmail))
            .FirstOrDefault());

    public async Task<User?> UserByEmailAsync(string email, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        return await users.FindByEmailAsync(email);
    }

    /// <summary>Everyone with a role in the partnership, by name, with every partnership they have a role in (to decide who may remove them).</summary>
    public async Task<IReadOnlyList<PartnershipMember>> MembersAsync(int partnershipId, CancellationToken ct = default)
    {
        var members = await db.Users.AsNoTracking().Include(u => u.Memberships).Include(u => u.Person)
            .Where(u => u.Memberships.Any(m => m.PartnershipId == partnershipId))
            .ToListAsync(ct);
        return members
            .Select(u => new PartnershipMember(
                u.Id,
                u.Email ?? u.UserName ?? u.Id,
                UserContext.NameOf(u.DisplayName, u.Person?.Name, u.Email, u.Id),
                u.Memberships.Where(m => m.PartnershipId == partnershipId).Select(m => m.Role).Order().ToList(),
                u.Memberships.Select(m => m.PartnershipId).Distinct().ToList()))
            .OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase).ThenBy(m => m.Email, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>Makes a user the first administrator of a partnership just created, audited under it.</summary>
    public async Task MakeFirstAdministratorAsync(string userId, int partnershipId, CancellationToken ct = default)
    {
        db.Memberships.Add(new Membership { UserId = userId, PartnershipId = partnershipId, Role = PartnershipRole.Administrator });
        db.AuditPartnershipId = partnershipId;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A role as people say it: "support officer".</summary>
    public static string RoleName(PartnershipRole role) => role switch
    {
        PartnershipRole.Administrator => "administrator",
        PartnershipRole.SupportOfficer => "support officer",
        PartnershipRole.LeadOfficer => "lead officer",
        PartnershipRole.BoardMember => "Board member",
        PartnershipRole.Analyst => "analyst",
        _ => role.ToString(),
    };

    /// <summary>What a role may do, in a line, for the forms that give one.</summary>
    public static string RoleHint(PartnershipRole role) => role switch
    {
        PartnershipRole.Administrator => "Manages accounts and roles, and everything a support officer does",
        PartnershipRole.SupportOfficer => "Edits the plans and people, opens quarters, reviews and publishes updates",
        PartnershipRole.LeadOfficer => "Updates what they lead",
        PartnershipRole.BoardMember => "Reads everything, edits nothing",
        PartnershipRole.Analyst => "Loads crime data and keeps the indicators",
        _ => "",
    };

    public Task<bool> AnyAdministratorAsync(CancellationToken ct = default) =>
        db.Memberships.AnyAsync(m => m.Role == PartnershipRole.Administrator, ct);
}
