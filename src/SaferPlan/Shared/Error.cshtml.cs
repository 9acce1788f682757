using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SaferPlan.Shared;

[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Sorry, there is a problem with the service";

    public string Message { get; private set; } = "Try again later.";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        (Title, Message) = code switch
        {
            404 => ("Page not found", "If you typed the web address, check it is correct. If you followed a link, the item may have been deleted or you may need to sign in to see it."),
            403 => ("You cannot do that", "Your account does not allow this. Lead officers can edit only the priorities, actions and milestones they lead."),
            429 => ("Too many attempts", "You have tried too many times in the last minute. Wait a minute, then try again."),
            400 => ("There is a problem with your request", "Go back and try again."),
            _ => (Title, Message),
        };
        Response.StatusCode = code ?? 500;
    }
}
