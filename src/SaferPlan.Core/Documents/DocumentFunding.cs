using System.Text;
using DocumentFormat.OpenXml.Wordprocessing;
using SaferPlan.Core.Funding;
using static SaferPlan.Core.Documents.Docx.DocxBlocks;

namespace SaferPlan.Core.Documents;

/// <summary>A stream's figures as a document shows them.</summary>
public sealed record DocumentFundSource(string Name, bool Received, decimal Amount, decimal Allocated, decimal Spent)
{
    public decimal Left => Amount - Spent;
}

/// <summary>An allocation as a document shows it, with the public account's sentence.</summary>
public sealed record DocumentAllocation(string Name, string Stream, string Priority, decimal Amount, decimal Spent, bool Provisional, string? Note, string Sentence, string? Results, bool Restricted);

/// <summary>
/// A year's funding for a document: the Board report's funding section and the plan document's "What we spent". Restricted
/// allocations are left out of the public version here, by the document's <see cref="AudienceFilter"/>, before any
/// renderer sees them; the public version exists only once the Board has agreed the year's plan.
/// </summary>
public sealed record DocumentFunding(ReportingPeriod Year, string? Agreement, IReadOnlyList<DocumentFundSource> Streams, IReadOnlyList<DocumentAllocation> Allocations)
{
    public string Heading => $"Funding {Year.Display}";

    public string SpentHeading => $"What we spent in {Year.Display}";

    public decimal Spent => Allocations.Sum(a => a.Spent);

    public IReadOnlyList<string> Flags =>
        Streams.Where(s => s.Allocated > s.Amount)
            .Select(s => $"{s.Name}: {Money.Display(s.Allocated)} allocated against {Money.Display(s.Amount)} {(s.Received ? "received" : "expected")}: {Money.Display(s.Allocated - s.Amount)} over")
            .Concat(Allocations.Where(a => a.Spent > a.Amount)
                .Select(a => $"{a.Name}: {Money.Display(a.Spent)} spent against {Money.Display(a.Amount)} allocated: {Money.Display(a.Spent - a.Amount)} over"))
            .ToList();

    /// <summary>The allocations with spending, by priority in the plan's order (as the view ordered them).</summary>
    public IReadOnlyList<IGrouping<string, DocumentAllocation>> SpendingByPriority =>
        Allocations.Where(a => a.Spent > 0).GroupBy(a => a.Priority).ToList();

    /// <param name="spentOnly">Only the allocations with spending (the public account), so nothing else counts towards the document's marking.</param>
    internal static async Task<DocumentFunding?> ForAsync(FundingService funding, int partnershipId, ReportingPeriod year, AudienceFilter filter, CancellationToken ct, bool spentOnly = false)
    {
        // Read as the partnership does, then leave out what the audience may not see, here and only here.
        var view = await funding.PlanAsync(partnershipId, year, UserContext.ReaderFor(partnershipId, "document"), ct: ct);
        if (view is null || view.Streams.Count == 0 || (filter.IsPublic && !view.IsAgreed))
        {
            return null;
        }

        var shown = view.Allocations
            .Where(a => !spentOnly || a.Spent > 0)
            .Where(a => filter.Shown(FundingService.IsRestricted(a.Allocation) ? ProtectiveMarking.Restricted : ProtectiveMarking.Official))
            .OrderBy(a => a.PriorityNumber ?? int.MaxValue).ThenBy(a => a.Allocation.Stream.Name, StringComparer.Ordinal).ThenBy(a => a.Allocation.Id)
            .ToList();
        var streams = view.Streams.Select(s =>
        {
            var mine = shown.Where(a => a.Allocation.StreamId == s.Stream.Id).ToList();
            return new DocumentFundSource(filter.Of(s.Stream.Name) ?? "", s.Stream.Received, s.Stream.Amount, mine.Sum(a => a.Allocation.Amount), mine.Sum(a => a.Spent));
        }).ToList();
        var allocations = shown.Select(a => new DocumentAllocation(
            filter.Of(a.Allocation.Name) ?? "", filter.Of(a.Allocation.Stream.Name) ?? "", filter.Of(a.PriorityLabel) ?? "", a.Allocation.Amount, a.Spent,
            a.Allocation.Status == AllocationStatus.Provisional, filter.Of(a.Allocation.Note), filter.Of(a.Sentence) ?? "", filter.Of(a.Allocation.Results),
            FundingService.IsRestricted(a.Allocation))).ToList();
        var agreement = view.Plan is { IsAgreed: true } plan
            ? $"Agreed by the {plan.AgreedBy} on {Dates.Display(plan.AgreedOn!.Value)}."
            : "Not yet agreed by the Board.";
        return new DocumentFunding(year, agreement, streams, allocations);
    }
}

/// <summary>The funding sections in HTML: the Board report's figures and the plan document's public account.</summary>
internal static class DocumentFundingHtml
{
    private static string E(string text) => DocumentHtml.E(text);

    public static void Figures(StringBuilder html, DocumentFunding funding, string id)
    {
        html.Append("<section class=\"other-report\" aria-labelledby=\"").Append(id).Append("\">\n<h2 id=\"").Append(id).Append("\">").Append(E(funding.Heading)).Append("</h2>\n");
        html.Append("<p>").Append(E(funding.Agreement ?? "")).Append("</p>\n");
        foreach (var flag in funding.Flags)
        {
            html.Append("<p><strong>Over: ").Append(E(flag)).Append("</strong></p>\n");
        }

        html.Append("<table>\n<caption>Received, allocated, spent and left per stream</caption>\n<thead><tr><th scope=\"col\">Stream</th><th scope=\"col\">Received or expected</th><th scope=\"col\">Allocated</th><th scope=\"col\">Spent</th><th scope=\"col\">Left</th></tr></thead>\n<tbody>\n");
        foreach (var s in funding.Streams)
        {
            html.Append("<tr><th scope=\"row\">").Append(E(s.Name)).Append("</th><td>").Append(E($"{Money.Display(s.Amount)} {(s.Received ? "received" : "expected")}"))
                .Append("</td><td>").Append(E(Money.Display(s.Allocated))).Append("</td><td>").Append(E(Money.Display(s.Spent))).Append("</td><td>").Append(E(Money.Display(s.Left))).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        if (funding.Allocations.Count > 0)
        {
            html.Append("<table>\n<caption>Allocations</caption>\n<thead><tr><th scope=\"col\">Project</th><th scope=\"col\">For</th><th scope=\"col\">Allocated</th><th scope=\"col\">Spent</th></tr></thead>\n<tbody>\n");
            foreach (var a in funding.Allocations)
            {
                var name = (a.Restricted ? "[Restricted] " : "") + a.Name + (a.Provisional ? " (provisional)" : "") + (a.Note is { } n && !a.Provisional ? $" ({n})" : "");
                html.Append("<tr><th scope=\"row\">").Append(E(name)).Append("</th><td>").Append(E(a.Priority)).Append("</td><td>").Append(E(Money.Display(a.Amount)))
                    .Append("</td><td>").Append(E(Money.Display(a.Spent))).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        html.Append("</section>\n");
    }

    public static void Account(StringBuilder html, DocumentFunding funding, string id)
    {
        html.Append("<section class=\"part\" aria-labelledby=\"").Append(id).Append("\">\n<h2 id=\"").Append(id).Append("\">").Append(E(funding.SpentHeading)).Append("</h2>\n");
        foreach (var group in funding.SpendingByPriority)
        {
            html.Append("<h3>").Append(E(group.Key)).Append("</h3>\n");
            foreach (var a in group)
            {
                html.Append("<p><strong>").Append(E(a.Sentence)).Append("</strong></p>\n");
                DocumentHtml.Optional(html, "<p>", a.Results, "</p>\n");
            }
        }

        html.Append("<p>In total we spent ").Append(E(Money.Plain(funding.Spent))).Append(" in ").Append(E(funding.Year.Display)).Append(".</p>\n</section>\n");
    }
}

/// <summary>The same sections in Word.</summary>
internal static class DocumentFundingDocx
{
    private static readonly int[] StreamWidths = [2800, 1900, 1500, 1500, 1500];
    private static readonly int[] AllocationWidths = [3400, 2800, 1500, 1500];

    public static void Figures(DocumentFormat.OpenXml.Wordprocessing.Body body, DocumentFunding funding, string tableStyle)
    {
        body.Append(Heading(1, funding.Heading, pageBreak: true));
        body.Append(Para(funding.Agreement ?? ""));
        foreach (var flag in funding.Flags)
        {
            body.Append(Para($"Over: {flag}"));
        }

        var streams = NewTable(StreamWidths, tableStyle);
        streams.Append(HeaderRow(StreamWidths, true, "Stream", "Received or expected", "Allocated", "Spent", "Left"));
        foreach (var s in funding.Streams)
        {
            streams.Append(Row(StreamWidths, s.Name, $"{Money.Display(s.Amount)} {(s.Received ? "received" : "expected")}", Money.Display(s.Allocated), Money.Display(s.Spent), Money.Display(s.Left)));
        }

        body.Append(streams);
        if (funding.Allocations.Count > 0)
        {
            body.Append(Para("Allocations", "TableCaption"));
            var allocations = NewTable(AllocationWidths, tableStyle);
            allocations.Append(HeaderRow(AllocationWidths, true, "Project", "For", "Allocated", "Spent"));
            foreach (var a in funding.Allocations)
            {
                allocations.Append(Row(AllocationWidths, (a.Restricted ? "[Restricted] " : "") + a.Name + (a.Provisional ? " (provisional)" : ""), a.Priority, Money.Display(a.Amount), Money.Display(a.Spent)));
            }

            body.Append(allocations);
        }
    }

    public static void Account(DocumentFormat.OpenXml.Wordprocessing.Body body, DocumentFunding funding)
    {
        body.Append(Heading(1, funding.SpentHeading, pageBreak: true));
        foreach (var group in funding.SpendingByPriority)
        {
            body.Append(Heading(2, group.Key));
            foreach (var a in group)
            {
                var paragraph = new Paragraph(TextRun(a.Sentence, bold: true));
                body.Append(paragraph);
                if (a.Results is { } results)
                {
                    body.Append(Para(results));
                }
            }
        }

        body.Append(Para($"In total we spent {Money.Plain(funding.Spent)} in {funding.Year.Display}."));
    }

    private static TableRow Row(int[] widths, params string[] cells)
    {
        var row = new TableRow();
        for (var i = 0; i < cells.Length; i++)
        {
            row.Append(Cell(widths[i], [CellPara(cells[i])], alignRight: i > 0 && i >= cells.Length - 3));
        }

        return row;
    }
}
