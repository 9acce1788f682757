using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.HttpOverrides;

namespace SaferPlan.Security;

/// <summary>
/// The headers every answer carries, and what makes them right behind a TLS proxy: the proxy's
/// X-Forwarded-For and X-Forwarded-Proto are believed only from the addresses in
/// <c>SaferPlan:ForwardedHeaders:KnownProxies</c> and <c>…:KnownNetworks</c> (and loopback, as in any ASP.NET Core app).
/// </summary>
public static class WebSecurity
{
    /// <summary>Only the site's own files: no inline script, no inline style, no framing, forms post only here.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// For a self-contained document (the HTML Board report) whose stylesheet travels inside it so that a saved copy
    /// still prints well: its own styles, and still no script at all.
    /// </summary>
    public const string SelfContainedDocumentPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static IServiceCollection AddSaferPlanWebSecurity(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in Values(configuration, "SaferPlan:ForwardedHeaders:KnownProxies"))
            {
                options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"SaferPlan:ForwardedHeaders:KnownProxies: '{proxy}' is not an IP address."));
            }

            foreach (var network in Values(configuration, "SaferPlan:ForwardedHeaders:KnownNetworks"))
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"SaferPlan:ForwardedHeaders:KnownNetworks: '{network}' is not a network like 10.0.0.0/8."));
            }
        });
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));

        // Secure whenever the request came over HTTPS, directly or through a known proxy.
        services.Configure<AntiforgeryOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.Configure<CookieTempDataProviderOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        return services;
    }

    /// <summary>Goes first, so everything after it sees the client's address and scheme as the proxy saw them.</summary>
    public static void UseSaferPlanForwardedHeaders(this WebApplication app) => app.UseForwardedHeaders();

    public static void UseSaferPlanSecurityHeaders(this WebApplication app)
    {
        // HSTS only where the request came over HTTPS (UseHsts checks), never on a developer's http://localhost.
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        // Added as the answer starts, so error pages get them too, and an answer that set its own policy keeps it.
        app.Use((context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpContext)state).Response.Headers;
                headers.TryAdd("X-Content-Type-Options", "nosniff");
                headers.TryAdd("Referrer-Policy", "same-origin");
                headers.TryAdd("X-Frame-Options", "DENY");
                headers.TryAdd("Content-Security-Policy", ContentSecurityPolicy);
                return Task.CompletedTask;
            }, context);
            return next(context);
        });
    }

    /// <summary>A list setting, as an array in appsettings.json or comma-separated in one environment variable.</summary>
    private static IEnumerable<string> Values(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var items = section.GetChildren().Select(c => c.Value).Append(section.Value);
        return items.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
