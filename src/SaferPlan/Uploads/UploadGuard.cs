using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;

namespace SaferPlan.Uploads;

/// <summary>What a page's form uploads, which decides who may post it and how large it may be.</summary>
public enum UploadKind
{
    /// <summary>police.uk street files: analysts and administrators of any partnership.</summary>
    CrimeFiles,

    /// <summary>An ONS lookup file setting the area of the partnership named by the route's slug.</summary>
    AreaLookup,
}

/// <summary>
/// On a page that takes files, decides who may post and how large the body may be before anything reads it (the
/// antiforgery check, which runs before the page's handler, reads the whole form), so a refused or oversized upload
/// costs the server nothing. Those who may not post get what the page's own check would give them; a body declared
/// over the limit gets the error page saying the limit.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UploadGuardAttribute(UploadKind kind) : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    /// <summary>Before the antiforgery check (order 1000).</summary>
    public int Order => -1000;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            return;
        }

        var services = http.RequestServices;
        var user = await services.GetRequiredService<CurrentUser>().GetAsync();
        bool allowed;
        long limit;
        if (kind == UploadKind.CrimeFiles)
        {
            allowed = Permissions.CanImportCrime(user);
            limit = services.GetRequiredService<UploadLimits>().CrimeImportBytes;
        }
        else
        {
            var slug = context.RouteData.Values["slug"] as string;
            var id = await services.GetRequiredService<SaferPlanDbContext>().Partnerships
                .Where(p => p.Slug == slug).Select(p => (int?)p.Id).FirstOrDefaultAsync(http.RequestAborted);
            // No such partnership: the page says so (without reading an upload, since there is nothing to set).
            allowed = id is null || Permissions.CanEditIndicators(user, id.Value);
            limit = UploadLimits.LookupBytes;
        }

        if (!allowed)
        {
            context.Result = user.IsSignedIn ? new ForbidResult() : new ChallengeResult();
        }
        else if (!UploadLimits.Admit(http, limit))
        {
            http.Items[UploadLimits.MessageKey] = UploadLimits.TooLarge(kind == UploadKind.CrimeFiles ? "Crime files" : "A lookup file", limit);
            // The error page, run again for this request, binds from the form: an empty one, so nothing reads the body.
            http.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
            context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
        }
    }
}
