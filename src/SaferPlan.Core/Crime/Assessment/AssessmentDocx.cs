using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Body = DocumentFormat.OpenXml.Wordprocessing.Body;
using SaferPlan.Core.Documents;
using SaferPlan.Core.Documents.Docx;
using static SaferPlan.Core.Documents.Docx.DocxBlocks;

namespace SaferPlan.Core.Crime.Assessment;

/// <summary>
/// Writes the strategic assessment evidence pack as a Word document: A4 portrait, real heading styles, bordered
/// tables whose header rows repeat, each trend chart as a picture with alternative text followed by its numbers as a
/// table, and the synthetic-data notice at the top and in the header when the figures rest on generated files.
/// </summary>
public static class AssessmentDocx
{
    /// <param name="assessment">The evidence pack.</param>
    /// <param name="peers">The comparison with similar areas over the same 12 months, written as its own section when given.</param>
    public static byte[] ToBytes(StrategicAssessment assessment, Peers.PeersReport? peers = null)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = ReportText.XmlSafe($"{assessment.PartnershipName}: {assessment.Title}");
            document.PackageProperties.Creator = "SaferPlan";
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(Para(assessment.Notice is null ? assessment.PartnershipName : "Synthetic demo data: not recorded crime", "HeaderText"));

            var body = new Body();
            Write(body, main, assessment);
            if (peers is not null)
            {
                Peers.PeersDocx.Write(body, main, peers, 1000);
            }

            body.Append(A4Portrait(main.GetIdOfPart(header)));
            main.Document = new Document(body);
        }

        return stream.ToArray();
    }

    private static void Write(Body body, MainDocumentPart main, StrategicAssessment a)
    {
        body.Append(Para(a.PartnershipName, "Title"));
        body.Append(Para(a.Title, "Subtitle"));
        if (a.Notice is { } notice)
        {
            body.Append(Para("Warning: " + notice, "Warning"));
        }

        body.Append(Para($"This period: {a.Period}. Compared with the previous 12 months: {a.PreviousPeriod}."));
        body.Append(Para($"Area: {a.AreaDefinition ?? "not set"} ({a.AreaLsoas.ToString(CultureInfo.InvariantCulture)} LSOAs)."));
        body.Append(Para($"Residents: {Denominator(a.Residents)}. Dwellings: {Denominator(a.Dwellings)}. {DenominatorService.Rule}"));
        body.Append(Para($"{AssessmentMaths.ChangeRule} {AssessmentMaths.ShareRule}", "Note"));

        body.Append(Heading(1, "Crime groups"));
        if (a.Groups.Count == 0)
        {
            body.Append(Para("The partnership has no crime groups. Add them on its crime groups page."));
        }
        else
        {
            body.Append(ComparisonTable("Crime groups", a.Groups.Select(g => g.Totals)));
        }

        body.Append(Heading(1, "Crime types"));
        body.Append(a.CrimeTypes.Count == 0 ? Para("No crime was recorded in the area in either period.") : ComparisonTable("Crime types", a.CrimeTypes));

        uint picture = 1;
        foreach (var g in a.Groups)
        {
            Group(body, main, a, g, picture++);
        }

        body.Append(Heading(1, "Hot spots"));
        body.Append(Para($"The busiest wards and LSOAs for {a.HotSpotMeasure.ToLowerInvariant()} in {a.Period}."));
        HotSpots(body, "Wards", a.TopWards, ward: false);
        HotSpots(body, "LSOAs", a.TopLsoas, ward: true);

        Indicators(body, a);
        PanelPriorities(body, a);
        GroupVariation(body, a);
    }

    /// <summary>A crime group's section: its change, each crime type's share, and its trend as a chart and a table.</summary>
    private static void Group(Body body, MainDocumentPart main, StrategicAssessment a, AssessmentGroup g, uint picture)
    {
        body.Append(Heading(2, g.Name));
        body.Append(Para(AssessmentMaths.ChangeSentence(g.Totals, a.Period)));
        var widths = ColumnWidths(3400, 1600, 1700, 1600);
        var shares = NewTable(widths);
        shares.Append(HeaderRow(widths, true, "Crime type", "This period", "Share of group", "Previous", "Share then"));
        foreach (var m in g.Members)
        {
            shares.Append(Row(widths, m.Name, N(m.Current), AssessmentMaths.Percent(m.Share, 2), N(m.Previous), AssessmentMaths.Percent(m.PreviousShare, 2)));
        }

        body.Append(Para($"{g.Name}: share of each crime type", "TableCaption"));
        body.Append(shares);

        var png = AssessmentCharts.TrendPng(g, a.From, a.To, a.PreviousFrom, a.PreviousTo);
        body.Append(new Paragraph(new ParagraphProperties(new KeepNext()), new Run(Picture(main, png, picture, AssessmentCharts.Width, AssessmentCharts.Height, AssessmentCharts.Title(g, a.From, a.To) + ". " + AssessmentCharts.Description(g)))));
        var trendWidths = ColumnWidths(3000, 1800, 3000);
        var trend = NewTable(trendWidths);
        trend.Append(HeaderRow(trendWidths, true, "Month", "Count", "Same month a year before", "Count"));
        foreach (var t in g.Trend)
        {
            trend.Append(Row(trendWidths, t.Month.Display, N(t.Current), t.PreviousMonth.Display, N(t.Previous)));
        }

        body.Append(Para(AssessmentCharts.Title(g, a.From, a.To) + ", as a table", "TableCaption"));
        body.Append(trend);
    }

    private static void Indicators(Body body, StrategicAssessment a)
    {
        body.Append(Heading(1, "Indicator statuses"));
        if (a.Indicators.Count == 0)
        {
            body.Append(Para("No indicator statuses are included in this evidence pack yet."));
        }
        else
        {
            var widths = ColumnWidths(1400, 3600, 1400);
            var table = NewTable(widths);
            table.Append(HeaderRow(widths, true, "Code", "Indicator", "Status", "Why"));
            foreach (var i in a.Indicators)
            {
                table.Append(Row(widths, i.Code, i.Name, i.Status, i.Sentence));
            }

            body.Append(table);
        }
    }

    private static void GroupVariation(Body body, StrategicAssessment a)
    {
        if (a.GroupVariation.Count == 0)
        {
            return;
        }

        var months = a.GroupVariation[0].Months;
        body.Append(Heading(1, CrimeSpc.AssessmentHeading));
        body.Append(Para(CrimeSpc.AssessmentIntro(months[0], months[^1])));
        foreach (var g in a.GroupVariation)
        {
            body.Append(Para(g.Sentence + "."));
        }
    }

    private static void PanelPriorities(Body body, StrategicAssessment a)
    {
        body.Append(Heading(1, Panels.PanelAssessment.Heading));
        if (a.PanelWards.Count == 0)
        {
            body.Append(Para($"No neighbourhood panel set a priority in {a.Period}."));
            return;
        }

        body.Append(Para($"Priorities residents set at neighbourhood panel meetings in {a.Period}, by ward, beside the ward's {a.HotSpotMeasure.ToLowerInvariant()} in this period and the previous 12 months."));
        var widths = ColumnWidths(2200, 1100, 1100, 1000);
        var table = NewTable(widths);
        table.Append(HeaderRow(widths, true, "Ward", "This period", "Previous", "% change", "Panel priorities"));
        foreach (var w in a.PanelWards)
        {
            var items = string.Join("; ", w.Priorities.Select(p => $"{p.Text} ({p.Panel}, {Periods.Dates.Display(p.RaisedOn)}; routed to {p.RoutedTo}; {p.Status})"));
            table.Append(Row(widths, w.Ward, w.Current is { } c ? N(c) : "not known", w.Previous is { } v ? N(v) : "not known", AssessmentMaths.SignedPercent(w.PercentChange), items));
        }

        body.Append(Para("Neighbourhood panel priorities by ward", "TableCaption"));
        body.Append(table);
    }

    private static void HotSpots(Body body, string what, IReadOnlyList<HotSpot> spots, bool ward)
    {
        body.Append(Heading(2, $"Top {what.ToLowerInvariant()}"));
        if (spots.Count == 0)
        {
            body.Append(Para($"No crime was recorded in any of the area's {what} in this period."));
            return;
        }

        var widths = ward ? ColumnWidths(2700, 2500, 1300, 1300, 1100) : ColumnWidths(4200, 1500, 1500, 1300);
        var table = NewTable(widths);
        table.Append(ward
            ? HeaderRow(widths, true, "LSOA", "Ward", "This period", "Previous", "Change", "% change")
            : HeaderRow(widths, true, "Ward", "This period", "Previous", "Change", "% change"));
        foreach (var s in spots)
        {
            var name = ward ? $"{s.Name} ({s.Code})" : s.Name;
            table.Append(ward
                ? Row(widths, name, s.Ward ?? "not known", N(s.Current), N(s.Previous), AssessmentMaths.SignedCount(s.Change), AssessmentMaths.SignedPercent(s.PercentChange))
                : Row(widths, name, N(s.Current), N(s.Previous), AssessmentMaths.SignedCount(s.Change), AssessmentMaths.SignedPercent(s.PercentChange)));
        }

        body.Append(Para($"Top {what.ToLowerInvariant()}", "TableCaption"));
        body.Append(table);
    }

    private static Table ComparisonTable(string first, IEnumerable<AssessmentRow> rows)
    {
        var widths = ColumnWidths(2900, 1000, 1000, 950, 1000, 1000);
        var table = NewTable(widths);
        table.Append(HeaderRow(widths, true, first, "This period", "Previous", "Change", "% change", "Per 1,000 residents", "Per 1,000 dwellings"));
        foreach (var r in rows)
        {
            table.Append(Row(widths, r.Name, N(r.Current), N(r.Previous), AssessmentMaths.SignedCount(r.Change), AssessmentMaths.SignedPercent(r.PercentChange), AssessmentMaths.Rate(r.ResidentsRate), AssessmentMaths.Rate(r.DwellingsRate)));
        }

        return table;
    }

    private static string Denominator(AreaDenominator? d) =>
        d is null ? "no figure" : string.Create(CultureInfo.InvariantCulture, $"{d.Value:N0} ({d.Year}{(d.Source is null ? "" : ", " + d.Source)})");

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static Table NewTable(int[] widths) => DocxBlocks.NewTable(widths, "PackTable");

    /// <summary>A row that is never split across pages, with figures (ending in a digit, "%" or "n/a") right-aligned.</summary>
    private static TableRow Row(int[] widths, params string[] cells)
    {
        var row = new TableRow(new TableRowProperties(new CantSplit()));
        for (var i = 0; i < cells.Length; i++)
        {
            var right = i > 0 && cells[i].Length > 0 && (char.IsDigit(cells[i][^1]) || cells[i][^1] is '%' or 'a');
            row.Append(Cell(widths[i], [CellPara(cells[i])], alignRight: right));
        }

        return row;
    }

    private static Styles Styles() => new(
        DocxStyles.Defaults(),
        DocxStyles.Paragraph("Normal", "Normal", DocxStyles.Spacing(0, 120), DocxStyles.Font(22)),
        DocxStyles.Paragraph("Title", "Title", DocxStyles.Spacing(240, 240), DocxStyles.Font(40, bold: true)),
        DocxStyles.Paragraph("Subtitle", "Subtitle", DocxStyles.Spacing(0, 240), DocxStyles.Font(30, bold: true)),
        DocxStyles.Paragraph("Warning", "Warning", DocxStyles.Spacing(120, 240), DocxStyles.Font(24, bold: true, color: "D4351C")),
        DocxStyles.Paragraph("Heading1", "heading 1", DocxStyles.Spacing(360, 200, keepNext: true, outline: 0), DocxStyles.Font(32, bold: true)),
        DocxStyles.Paragraph("Heading2", "heading 2", DocxStyles.Spacing(240, 120, keepNext: true, outline: 1), DocxStyles.Font(26, bold: true)),
        DocxStyles.TableCaption(),
        DocxStyles.TableText(),
        DocxStyles.Note(),
        DocxStyles.Paragraph("HeaderText", "Header Text", DocxStyles.Spacing(0, 0), DocxStyles.Font(18)),
        DocxStyles.TableNormal(),
        DocxStyles.RuledTable("PackTable", "Evidence Pack Table"));
}
