namespace SaferPlan.Shared;

// Ordered after the antiforgery check every page gets (order 1000), so this is the policy that holds: a POST run again
// here for its error (an upload refused before its form was read) has no token to check.
[IgnoreAntiforgeryToken(Order = 1001)]
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
            413 => ("The upload is too large", HttpContext.Items[Uploads.UploadLimits.MessageKey] as string ?? "Go back and send fewer or smaller files at a time."),
            _ => (Title, Message),
        };
        Response.StatusCode = code ?? 500;
    }
}
