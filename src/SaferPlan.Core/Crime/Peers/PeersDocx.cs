using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Body = DocumentFormat.OpenXml.Wordprocessing.Body;
using static SaferPlan.Core.Documents.Docx.DocxBlocks;

namespace SaferPlan.Core.Crime.Peers;

/// <summary>
/// The evidence pack's section comparing the partnership with similar areas: for each crime group its sentence, its
/// funnel plot as a picture with alternative text, and the plot's numbers as a table. Written into the assessment's
/// Word document by <see cref="Assessment.AssessmentDocx"/>, using its styles ("PackTable", "TableCaption", "Note").
/// </summary>
public static class PeersDocx
{
    public const string Heading = "Compared with similar areas";

    /// <summary>Appends the section; pictures are numbered from <paramref name="firstPicture"/> (ids must be unique in the document).</summary>
    public static void Write(Body body, MainDocumentPart main, PeersReport report, uint firstPicture)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(report);
        body.Append(Heading(1, Heading));
        body.Append(Para(report.Group.Description));
        body.Append(Para($"{PeerMethod.MeanRule} {Statistics.PoissonInterval.Rule} {FunnelCharts.LimitsRule}", "Note"));
        if (report.Group.Reason is { } reason)
        {
            body.Append(Para(reason));
            return;
        }

        if (report.Groups.Count == 0)
        {
            body.Append(Para("The partnership has no crime groups to compare."));
            return;
        }

        var picture = firstPicture;
        foreach (var row in report.Groups)
        {
            body.Append(Heading(2, row.Name));
            body.Append(Para(row.Sentence));
            var png = FunnelCharts.Png(report, row);
            body.Append(new Paragraph(new ParagraphProperties(new KeepNext()), new Run(Picture(main, png, picture++, FunnelCharts.Width, FunnelCharts.Height,
                FunnelCharts.Title(report, row) + ". " + FunnelCharts.Description(row)))));
            var widths = ColumnWidths(4200, 1700, 1500);
            var table = NewTable(widths, "PackTable");
            table.Append(HeaderRow(widths, true, "Area", "Residents", "Crimes", "Rate per 1,000"));
            table.Append(Row(widths, $"{report.Stamp.Name} (this partnership)", N(report.Residents), row.Count.ToString("N0", CultureInfo.InvariantCulture), Rate(row.Rate)));
            foreach (var p in row.Peers.OrderByDescending(p => p.Rate ?? -1))
            {
                table.Append(Row(widths, p.Area.Name, N(p.Area.Residents), p.Count.ToString("N0", CultureInfo.InvariantCulture), Rate(p.Rate)));
            }

            table.Append(Row(widths, "Peer mean (pooled)", "", "", Rate(row.PeerMean)));
            body.Append(Para(FunnelCharts.Title(report, row) + ", as a table", "TableCaption"));
            body.Append(table);
        }
    }

    private static string N(double? value) => value is { } v ? v.ToString("N0", CultureInfo.InvariantCulture) : "not known";

    private static string Rate(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";

    private static TableRow Row(int[] widths, params string[] cells)
    {
        var row = new TableRow(new TableRowProperties(new CantSplit()));
        for (var i = 0; i < cells.Length; i++)
        {
            row.Append(Cell(widths[i], [CellPara(cells[i])], alignRight: i > 0));
        }

        return row;
    }
}
