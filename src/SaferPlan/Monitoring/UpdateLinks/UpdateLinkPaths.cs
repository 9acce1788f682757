using Microsoft.AspNetCore.Http.Features;

namespace SaferPlan.Monitoring.UpdateLinks;

/// <summary>The token of an e-mailed update link, taken out of the request's path before anything logs it.</summary>
public sealed record UpdateLinkTokenFeature(string Token);

/// <summary>
/// An update link's address, /u/{token}, carries a password. The host logs each request's path ("Request starting …")
/// and puts it in the scope of every log written during the request as soon as the request's context is made, before
/// any middleware runs; so this factory, which makes that context, moves the token into a feature and leaves
/// /u/link in the path and the raw target. The update link page reads the token from the feature.
/// </summary>
public sealed class UpdateLinkRedactingHttpContextFactory(IServiceProvider services) : IHttpContextFactory
{
    public const string Prefix = "/u/";

    /// <summary>What the path shows in place of the token.</summary>
    public const string Placeholder = "link";

    private readonly DefaultHttpContextFactory inner = new(services);

    public HttpContext Create(IFeatureCollection featureCollection)
    {
        ArgumentNullException.ThrowIfNull(featureCollection);
        if (featureCollection.Get<IHttpRequestFeature>() is { } request
            && request.Path.StartsWith(Prefix, StringComparison.Ordinal)
            && request.Path.Length > Prefix.Length)
        {
            var token = request.Path[Prefix.Length..];
            var slash = token.IndexOf('/', StringComparison.Ordinal);
            var rest = slash < 0 ? "" : token[slash..];
            token = slash < 0 ? token : token[..slash];
            if (token != Placeholder)
            {
                featureCollection.Set(new UpdateLinkTokenFeature(Uri.UnescapeDataString(token)));
                request.Path = Prefix + Placeholder + rest;
                var query = request.RawTarget.IndexOf('?', StringComparison.Ordinal);
                request.RawTarget = Prefix + Placeholder + rest + (query < 0 ? "" : request.RawTarget[query..]);
            }
        }

        return inner.Create(featureCollection);
    }

    public void Dispose(HttpContext httpContext) => inner.Dispose(httpContext);
}
