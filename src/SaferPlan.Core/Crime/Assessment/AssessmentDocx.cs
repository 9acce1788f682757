using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using SaferPlan.Core.Documents;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace SaferPlan.Core.Crime.Assessment;

/// <summary>
/// Writes the strategic assessment evidence pack as a Word document: A4 portrait, real heading styles, bordered
/// tables whose header rows repeat, each trend chart as a picture with alternative text followed by its numbers as a
/// table, and the synthetic-data notice at the top and in the header when the figures rest on generated files.
/// </summary>
public static class AssessmentDocx
{
    public const string MediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private const int PageWidth = 11906;
    private const int PageHeight = 16838;
    private const int Margin = 1021;
    private const int TextWidth = PageWidth - (2 * Margin);
    private const long EmuPerTwip = 635;

    public static byte[] ToBytes(StrategicAssessment assessment)
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
            body.Append(new SectionProperties(
                new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
                new PageSize { Width = PageWidth, Height = PageHeight, Orient = PageOrientationValues.Portrait },
                new PageMargin { Top = Margin, Right = Margin, Bottom = Margin, Left = Margin, Header = 567, Footer = 567, Gutter = 0 }));
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
            body.Append(Heading(2, g.Name));
            body.Append(Para($"{g.Totals.Current:N0} in {a.Period} against {g.Totals.Previous:N0} in the previous 12 months: {AssessmentMaths.SignedCount(g.Totals.Change)} ({AssessmentMaths.SignedPercent(g.Totals.PercentChange)})."));
            var widths = new[] { 3400, 1600, 1700, 1600, TextWidth - 3400 - 1600 - 1700 - 1600 };
            var shares = NewTable(widths);
            shares.Append(HeaderRow(widths, "Crime type", "This period", "Share of group", "Previous", "Share then"));
            foreach (var m in g.Members)
            {
                shares.Append(Row(widths, m.Name, N(m.Current), AssessmentMaths.Percent(m.Share, 2), N(m.Previous), AssessmentMaths.Percent(m.PreviousShare, 2)));
            }

            body.Append(Para($"{g.Name}: share of each crime type", "TableCaption"));
            body.Append(shares);

            var png = AssessmentCharts.TrendPng(g, a.From, a.To, a.PreviousFrom, a.PreviousTo);
            body.Append(new Paragraph(new ParagraphProperties(new KeepNext()), new Run(Picture(main, png, picture++, AssessmentCharts.Title(g, a.From, a.To) + ". " + AssessmentCharts.Description(g)))));
            var trendWidths = new[] { 3000, 1800, 3000, TextWidth - 3000 - 1800 - 3000 };
            var trend = NewTable(trendWidths);
            trend.Append(HeaderRow(trendWidths, "Month", "Count", "Same month a year before", "Count"));
            foreach (var t in g.Trend)
            {
                trend.Append(Row(trendWidths, t.Month.Display, N(t.Current), t.PreviousMonth.Display, N(t.Previous)));
            }

            body.Append(Para(AssessmentCharts.Title(g, a.From, a.To) + ", as a table", "TableCaption"));
            body.Append(trend);
        }

        body.Append(Heading(1, "Hot spots"));
        body.Append(Para($"The busiest wards and LSOAs for {a.HotSpotMeasure.ToLowerInvariant()} in {a.Period}."));
        HotSpots(body, "Wards", a.TopWards, ward: false);
        HotSpots(body, "LSOAs", a.TopLsoas, ward: true);

        body.Append(Heading(1, "Indicator statuses"));
        if (a.Indicators.Count == 0)
        {
            body.Append(Para("No indicator statuses are included in this evidence pack yet."));
        }
        else
        {
            var widths = new[] { 1400, 3600, 1400, TextWidth - 1400 - 3600 - 1400 };
            var table = NewTable(widths);
            table.Append(HeaderRow(widths, "Code", "Indicator", "Status", "Why"));
            foreach (var i in a.Indicators)
            {
                table.Append(Row(widths, i.Code, i.Name, i.Status, i.Sentence));
            }

            body.Append(table);
        }
    }

    private static void HotSpots(Body body, string what, IReadOnlyList<HotSpot> spots, bool ward)
    {
        body.Append(Heading(2, $"Top {what.ToLowerInvariant()}"));
        if (spots.Count == 0)
        {
            body.Append(Para($"No crime was recorded in any of the area's {what} in this period."));
            return;
        }

        var widths = ward ? new[] { 2700, 2500, 1300, 1300, 1100, TextWidth - 2700 - 2500 - 1300 - 1300 - 1100 } : new[] { 4200, 1500, 1500, 1300, TextWidth - 4200 - 1500 - 1500 - 1300 };
        var table = NewTable(widths);
        table.Append(ward
            ? HeaderRow(widths, "LSOA", "Ward", "This period", "Previous", "Change", "% change")
            : HeaderRow(widths, "Ward", "This period", "Previous", "Change", "% change"));
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
        var widths = new[] { 2900, 1000, 1000, 950, 1000, 1000, TextWidth - 2900 - 1000 - 1000 - 950 - 1000 - 1000 };
        var table = NewTable(widths);
        table.Append(HeaderRow(widths, first, "This period", "Previous", "Change", "% change", "Per 1,000 residents", "Per 1,000 dwellings"));
        foreach (var r in rows)
        {
            table.Append(Row(widths, r.Name, N(r.Current), N(r.Previous), AssessmentMaths.SignedCount(r.Change), AssessmentMaths.SignedPercent(r.PercentChange), AssessmentMaths.Rate(r.ResidentsRate), AssessmentMaths.Rate(r.DwellingsRate)));
        }

        return table;
    }

    private static string Denominator(AreaDenominator? d) =>
        d is null ? "no figure" : string.Create(CultureInfo.InvariantCulture, $"{d.Value:N0} ({d.Year}{(d.Source is null ? "" : ", " + d.Source)})");

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static Drawing Picture(MainDocumentPart main, byte[] png, uint id, string description)
    {
        var part = main.AddImagePart(ImagePartType.Png);
        using (var data = new MemoryStream(png))
        {
            part.FeedData(data);
        }

        var relationship = main.GetIdOfPart(part);
        long cx = TextWidth * EmuPerTwip;
        long cy = cx * AssessmentCharts.Height / AssessmentCharts.Width;
        var name = string.Create(CultureInfo.InvariantCulture, $"Chart {id}");
        return new Drawing(new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DW.DocProperties { Id = id, Name = name, Description = ReportText.XmlSafe(description) },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = 0U, Name = name + ".png", Description = ReportText.XmlSafe(description) }, new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = relationship }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(
                        new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U });
    }

    private static Table NewTable(int[] widths) => new(
        new TableProperties(
            new TableStyle { Val = "PackTable" },
            new TableWidth { Width = Twips(widths.Sum()), Type = TableWidthUnitValues.Dxa },
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableLook { Val = "0620" }),
        new TableGrid(widths.Select(w => new GridColumn { Width = Twips(w) })));

    private static TableRow HeaderRow(int[] widths, params string[] headings)
    {
        var row = new TableRow(new TableRowProperties(new CantSplit(), new TableHeader()));
        for (var i = 0; i < headings.Length; i++)
        {
            row.Append(Cell(widths[i], headings[i], header: true, right: i > 0));
        }

        return row;
    }

    private static TableRow Row(int[] widths, params string[] cells)
    {
        var row = new TableRow(new TableRowProperties(new CantSplit()));
        for (var i = 0; i < cells.Length; i++)
        {
            row.Append(Cell(widths[i], cells[i], header: false, right: i > 0 && cells[i].Length > 0 && (char.IsDigit(cells[i][^1]) || cells[i][^1] is '%' or 'a')));
        }

        return row;
    }

    private static TableCell Cell(int width, string text, bool header, bool right)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = Twips(width), Type = TableWidthUnitValues.Dxa });
        if (header)
        {
            properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "D9D9D9" });
        }

        var paragraphProperties = new ParagraphProperties(new ParagraphStyleId { Val = "TableText" });
        if (right)
        {
            paragraphProperties.Append(new Justification { Val = JustificationValues.Right });
        }

        var run = new Run();
        if (header)
        {
            run.Append(new RunProperties(new Bold()));
        }

        run.Append(new Text(ReportText.XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve });
        return new TableCell(properties, new Paragraph(paragraphProperties, run));
    }

    private static Paragraph Heading(int level, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = $"Heading{level}" }), new Run(new Text(ReportText.XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve }));

    private static Paragraph Para(string text, string? style = null)
    {
        var paragraph = style is null ? new Paragraph() : new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        paragraph.Append(new Run(new Text(ReportText.XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }

    private static string Twips(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static Styles Styles()
    {
        static Style Paragraph(string id, string name, int before, int after, int halfPoints, bool bold = false, bool keepNext = false, int? outline = null, string? color = null)
        {
            var pPr = new StyleParagraphProperties();
            if (keepNext)
            {
                pPr.Append(new KeepNext(), new KeepLines());
            }

            pPr.Append(new SpacingBetweenLines { Before = before.ToString(CultureInfo.InvariantCulture), After = after.ToString(CultureInfo.InvariantCulture) });
            if (outline is { } level)
            {
                pPr.Append(new OutlineLevel { Val = level });
            }

            var rPr = new StyleRunProperties();
            if (bold)
            {
                rPr.Append(new Bold(), new BoldComplexScript());
            }

            if (color is not null)
            {
                rPr.Append(new Color { Val = color });
            }

            rPr.Append(new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) }, new FontSizeComplexScript { Val = halfPoints.ToString(CultureInfo.InvariantCulture) });
            var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
            style.Append(new StyleName { Val = name });
            if (id != "Normal")
            {
                style.Append(new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" });
            }

            style.Append(new PrimaryStyle(), pPr, rPr);
            return style;
        }

        var table = DocxStyles.RuledTable("PackTable", "Evidence Pack Table");
        var tableNormal = DocxStyles.TableNormal();

        return new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Arial", HighAnsi = "Arial", ComplexScript = "Arial", EastAsia = "Arial" },
                    new FontSize { Val = "22" },
                    new FontSizeComplexScript { Val = "22" },
                    new Languages { Val = "en-GB", EastAsia = "en-GB", Bidi = "ar-SA" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto }))),
            Paragraph("Normal", "Normal", 0, 120, 22),
            Paragraph("Title", "Title", 240, 240, 40, bold: true),
            Paragraph("Subtitle", "Subtitle", 0, 240, 30, bold: true),
            Paragraph("Warning", "Warning", 120, 240, 24, bold: true, color: "D4351C"),
            Paragraph("Heading1", "heading 1", 360, 200, 32, bold: true, keepNext: true, outline: 0),
            Paragraph("Heading2", "heading 2", 240, 120, 26, bold: true, keepNext: true, outline: 1),
            Paragraph("TableCaption", "Table Caption", 120, 60, 20, bold: true, keepNext: true),
            Paragraph("TableText", "Table Text", 0, 40, 19),
            Paragraph("Note", "Note", 60, 200, 18, color: "505A5F"),
            Paragraph("HeaderText", "Header Text", 0, 0, 18),
            tableNormal,
            table);
    }
}
