using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using SaferPlan.Security;

namespace SaferPlan.Accounts;

[EnableRateLimiting(RateLimits.SignIn)]
public sealed class SignInModel(SignInManager<User> signIn, IPasswordHasher<User> hasher) : PageModel
{
    /// <summary>The one answer to every failed sign-in, so it never tells whether an account exists or is locked.</summary>
    public const string Failed = "Enter a correct email address and password";

    /// <summary>
    /// Every failed sign-in answers no sooner than this after it arrived. A wrong password also records the failure (a
    /// database write, slow on a busy PostgreSQL) that an unknown account does not, so the hash alone cannot make the two
    /// take the same time; a floor above both does.
    /// </summary>
    private static readonly TimeSpan FailureFloor = TimeSpan.FromMilliseconds(400);

    /// <summary>A hash of no one's password, checked when there is no such account so that answer takes as long as a wrong password.</summary>
    private static string? noAccountHash;

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(Email))
        {
            ModelState.AddModelError(nameof(Email), "Enter your email address");
        }

        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "Enter your password");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var user = await signIn.UserManager.FindByEmailAsync(Email!.Trim());
        var result = user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed : await signIn.PasswordSignInAsync(user, Password!, isPersistent: false, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            // A wrong password costs one password hash; no account, or a locked one, costs the same.
            if (user is null || result.IsLockedOut)
            {
                var account = user ?? new User();
                noAccountHash ??= hasher.HashPassword(account, Guid.NewGuid().ToString());
                hasher.VerifyHashedPassword(account, noAccountHash, Password!);
            }

            ModelState.AddModelError(nameof(Email), Failed);
            var left = FailureFloor - System.Diagnostics.Stopwatch.GetElapsedTime(started);
            if (left > TimeSpan.Zero)
            {
                await Task.Delay(left, HttpContext.RequestAborted);
            }

            return Page();
        }

        return LocalRedirect(IsSafeReturnUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    /// <summary>
    /// Only a path on this site, in plain ASCII: anything else (another site, or characters a Location header cannot
    /// carry) goes home instead.
    /// </summary>
    private bool IsSafeReturnUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url.All(c => c is > ' ' and < (char)127) && Url.IsLocalUrl(url);
}
