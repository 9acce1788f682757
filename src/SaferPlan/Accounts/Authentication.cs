using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SaferPlan.Core.Auditing;

namespace SaferPlan.Accounts;

public static class AuthSchemes
{
    public const string Smart = "SaferPlan";
    public const string ApiToken = "ApiToken";
}

/// <summary>Authenticates API calls that carry "Authorization: Bearer sp_…" from <c>saferplan tokens create</c>.</summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AccountService accounts) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("Send the token as 'Authorization: Bearer <token>'.");
        }

        // One query gives the user and their roles; CurrentUser takes them from here instead of asking again.
        var user = await accounts.ContextForTokenAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (user?.UserId is null)
        {
            return AuthenticateResult.Fail("The bearer token is not recognised, has expired or was revoked.");
        }

        CurrentUser.Remember(Context, user);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user.UserId), new Claim(ClaimTypes.Name, user.Name)],
            Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        ApiErrors.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Sign in required",
            "Send a bearer token from 'saferplan tokens create' in the Authorization header.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiErrors.WriteAsync(Context, StatusCodes.Status403Forbidden, "Not allowed", "Your account may not do this.");
}

/// <summary>
/// Checks a sign-in cookie against the database on every request: the user must still exist and the cookie's security
/// stamp must still be theirs. Signing out changes the stamp, so a copy of the cookie kept from before is refused.
/// </summary>
public static class Sessions
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.HttpContext.RequestServices;
        var claims = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var id = context.Principal?.FindFirstValue(claims.UserIdClaimType);
        var stamp = context.Principal?.FindFirstValue(claims.SecurityStampClaimType);
        var user = id is null
            ? null
            : await services.GetRequiredService<AccountService>().ContextForSessionAsync(id, stamp, context.HttpContext.RequestAborted);
        if (user is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        // The same query gave the user's roles: the request need not read them again.
        CurrentUser.Remember(context.HttpContext, user);
    }
}

/// <summary>The signed-in user of this request, with their partnership roles.</summary>
public sealed class CurrentUser(IHttpContextAccessor http, AccountService accounts)
{
    private static readonly object Key = new();

    private UserContext? user;

    /// <summary>Keeps the user an authentication handler has already read in full, so the request does not read them again.</summary>
    public static void Remember(HttpContext context, UserContext user)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[Key] = user;
    }

    public async Task<UserContext> GetAsync()
    {
        if (user is not null)
        {
            return user;
        }

        var id = http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is not null && http.HttpContext!.Items[Key] is UserContext known && known.UserId == id)
        {
            return user = known;
        }

        user = id is null ? UserContext.Anonymous : await accounts.ContextForAsync(id, http.HttpContext!.RequestAborted);
        if (user.UserId is not null)
        {
            Remember(http.HttpContext!, user);
        }

        return user;
    }

    /// <summary>The user this request has already read in full, if any (the audit trail names them by it).</summary>
    public static UserContext? Known(HttpContext? context) => context?.Items[Key] as UserContext;
}

/// <summary>Names the person behind a change for the audit trail: the person of an e-mailed update link, the signed-in user, or the command line's operator.</summary>
public sealed class HttpActorAccessor(IHttpContextAccessor http, SaferPlan.Core.Monitoring.UpdateLinkActor updateLink) : IActorAccessor
{
    public AuditActor Current
    {
        get
        {
            if (updateLink.Actor is { } viaLink)
            {
                return viaLink;
            }

            var principal = http.HttpContext?.User;
            if (principal is null)
            {
                return new AuditActor(null, $"command line ({Environment.UserName})");
            }

            // The sign-in cookie's name claim is the e-mail address; the audit trail records the name the user goes
            // by, which the request has read by the time it saves anything.
            var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
            if (id is null)
            {
                return new AuditActor(null, "anonymous");
            }

            return CurrentUser.Known(http.HttpContext) is { } known && known.UserId == id
                ? new AuditActor(id, known.Name)
                : new AuditActor(id, UserContext.NameOf(null, null, principal.Identity?.Name, id));
        }
    }
}
