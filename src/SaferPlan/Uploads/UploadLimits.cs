using Microsoft.AspNetCore.Http.Features;

namespace SaferPlan.Uploads;

/// <summary>
/// How large a request body may be. Every request is held to <see cref="OtherBytes"/> (Kestrel's own limit, set once);
/// the two uploads that take files raise it for themselves, after the permission to upload has been checked and before
/// anything reads the body: ONS lookup files to <see cref="LookupBytes"/>, police.uk street files to
/// <c>SaferPlan:Uploads:CrimeImportMegabytes</c> (default 1,024: a year of a large force's files).
/// </summary>
public sealed class UploadLimits(IConfiguration configuration)
{
    /// <summary>Any request but the uploads: a plan edit, an update or a figure table is a few kilobytes.</summary>
    public const long OtherBytes = 4L << 20;

    /// <summary>An ONS LSOA-to-ward lookup for all of England and Wales is about 5 MB.</summary>
    public const long LookupBytes = 32L << 20;

    public const long DefaultCrimeImportMegabytes = 1024;

    /// <summary>Where a page's upload guard leaves the words for the error page to show.</summary>
    public static readonly object MessageKey = new();

    public long CrimeImportBytes { get; } =
        Math.Max(1, configuration.GetValue("SaferPlan:Uploads:CrimeImportMegabytes", DefaultCrimeImportMegabytes)) << 20;

    /// <summary>"32 MB", "1 GB": a limit in the words a person uses.</summary>
    public static string Words(long bytes) =>
        bytes >= 1L << 30 && bytes % (1L << 30) == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes >> 30:N0} GB")
            : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, bytes >> 20):N0} MB");

    /// <summary>What to say when an upload of <paramref name="what"/> is over <paramref name="limit"/>.</summary>
    public static string TooLarge(string what, long limit) =>
        $"{what} can be at most {Words(limit)} in one upload. Send fewer or smaller files at a time.";

    /// <summary>
    /// Holds the request's body to <paramref name="limit"/> bytes (the server stops reading past it) and says whether it
    /// already declares more, so the caller can refuse it without reading a byte.
    /// </summary>
    public static bool Admit(HttpContext context, long limit)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        return context.Request.ContentLength is not { } length || length <= limit;
    }
}
