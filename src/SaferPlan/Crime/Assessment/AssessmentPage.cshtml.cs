using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using SaferPlan.Core.Crime.Assessment;
using SaferPlan.Crime.Figures;

namespace SaferPlan.Crime.Assessment;

/// <summary>The strategic assessment evidence pack for a partnership and a window of months, with its DOCX.</summary>
public sealed class AssessmentPageModel(CrimeStatistics statistics, StrategicAssessmentBuilder builder, CrimeCache cache, TimeProvider time, SaferPlan.Core.Crime.Peers.PeerService peers)
    : CrimeWindowPageModel(statistics, time)
{
    public StrategicAssessment? Assessment { get; private set; }

    /// <summary>The partnership against its comparator group over the window (its funnel plots), when the window is 12 months.</summary>
    public SaferPlan.Core.Crime.Peers.PeersReport? Peers { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (!await FindStampAsync(slug, ct))
        {
            return NotFound();
        }

        if (await ReadWindowAsync((latest, errors) => CrimeQuery.Read(From, To, null, latest, 24, errors), ct) is { } query)
        {
            Assessment = await builder.BuildAsync(Stamp, query.From, query.To, ct);
            Peers = query.From.MonthsUntil(query.To) == 11 ? await peers.ReportAsync(Stamp, query.From, query.To, ct) : null;
        }

        return Page();
    }

    /// <summary>
    /// The evidence pack's body as HTML, with the comparison with similar areas, rendered once per window and data stamp
    /// (it is the same for everyone: open data, no per-user links), so a repeat request renders only the layout and the
    /// form around it.
    /// </summary>
    public async Task<RenderedHtml> BodyHtmlAsync(Func<TextWriter, Task> render)
    {
        ArgumentNullException.ThrowIfNull(render);
        var a = Assessment ?? throw new InvalidOperationException("There is no assessment to render.");
        return await cache.GetOrCreateAsync($"assessment:html:{a.From.Key}:{a.To.Key}:{Stamp.CacheKey}", async _ =>
        {
            using var writer = new StringWriter(CultureInfo.InvariantCulture);
            await render(writer);
            return new RenderedHtml(writer.GetStringBuilder());
        }, html => html.Bytes, HttpContext.RequestAborted);
    }
}

/// <summary>
/// HTML rendered once, kept in parts of at most 8,000 characters (the <see cref="StringBuilder"/>'s own chunks). The
/// body is about 80,000 characters: as one string that is 160 KB on the large object heap for every window, and with a
/// miss on nearly every request those allocations made a full garbage collection every few dozen requests, stopping
/// every thread. Parts stay on the small object heap, and the page writes them as strings (see
/// AssessmentPage.cshtml), which Razor sends as they are; an <see cref="IHtmlContent"/> it would copy through buffers
/// rented page by page.
/// </summary>
public sealed class RenderedHtml : IHtmlContent
{
    /// <param name="html">Built HTML.</param>
    public RenderedHtml(StringBuilder html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var parts = new List<string>();
        foreach (var chunk in html.GetChunks())
        {
            parts.Add(chunk.ToString());
        }

        Parts = parts;
        Bytes = 64 + (2L * html.Length) + (parts.Count * 32L);
    }

    /// <summary>The HTML, in order.</summary>
    public IReadOnlyList<string> Parts { get; }

    /// <summary>What it holds, in bytes, for the cache.</summary>
    public long Bytes { get; }

    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var part in Parts)
        {
            writer.Write(part);
        }
    }
}
