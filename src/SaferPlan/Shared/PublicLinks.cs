namespace SaferPlan.Shared;

/// <summary>The start of every link SaferPlan e-mails (reminders, update links, invitations).</summary>
public static class PublicLinks
{
    /// <summary>
    /// Where the e-mailed links point: <c>SaferPlan:PublicUrl</c>, or null when it is not set. Never the request's own
    /// address: its Host header is whatever the sender wrote, and a link built from it could send people to another site.
    /// </summary>
    public static string? BaseUrl(IConfiguration configuration)
    {
        var configured = configuration["SaferPlan:PublicUrl"];
        return string.IsNullOrWhiteSpace(configured) ? null : configured.Trim().TrimEnd('/');
    }
}
