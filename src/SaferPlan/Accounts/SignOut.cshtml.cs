using Microsoft.AspNetCore.Identity;

namespace SaferPlan.Accounts;

public sealed class SignOutModel(SignInManager<User> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // A new security stamp makes every copy of this user's cookie useless, not just the browser's own.
        if (await signIn.UserManager.GetUserAsync(User) is { } user)
        {
            await signIn.UserManager.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        return this.Done("You have signed out", "/");
    }
}
