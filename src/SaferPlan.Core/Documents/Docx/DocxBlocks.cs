using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;
using Body = DocumentFormat.OpenXml.Wordprocessing.Body;

namespace SaferPlan.Core.Documents.Docx;

/// <summary>
/// The pieces SaferPlan's Word documents are written with: an A4 portrait page, runs and paragraphs whose text goes
/// through <see cref="ReportText.XmlSafe"/>, and fixed-width tables whose header rows repeat on every page.
/// </summary>
internal static class DocxBlocks
{
    // A4 in twentieths of a point, with 1.8 cm margins: the five-column action plan tables fit portrait at 9.5 pt.
    public const int PageWidth = 11906;
    public const int PageHeight = 16838;
    public const int Margin = 1021;
    public const int TextWidth = PageWidth - (2 * Margin);

    /// <summary>A table's column widths: <paramref name="fixedWidths"/>, then a last column taking what is left of the text width.</summary>
    public static int[] ColumnWidths(params int[] fixedWidths) => [.. fixedWidths, TextWidth - fixedWidths.Sum()];

    /// <summary>
    /// A partnership document's Word bytes: started by <see cref="Open"/> with its title ("partnership: title"), subject
    /// and marking, its body written by <paramref name="content"/>, ended by the A4 page with the header and footer.
    /// </summary>
    public static byte[] ToBytes(IPartnershipDocument document, Styles styles, Numbering? numbering, Action<Body, MainDocumentPart> content)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(content);
        using var stream = new MemoryStream();
        using (var word = Open(stream, $"{document.PartnershipName}: {document.Title}", document.Subject, document.Marking, styles, numbering, out var main))
        {
            var body = new Body();
            content(body, main);
            body.Append(A4Portrait(main));
            main.Document = new Document(body);
        }

        return stream.ToArray();
    }

    /// <summary>
    /// Starts a Word document: its properties (title, subject, SaferPlan as creator, the marking as keywords), the styles and
    /// numbering given, and a header and footer carrying the protective marking, the footer with "Page X of Y".
    /// </summary>
    public static WordprocessingDocument Open(Stream stream, string title, string subject, string marking, Styles styles, Numbering? numbering, out MainDocumentPart main)
    {
        var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document);
        word.PackageProperties.Title = ReportText.XmlSafe(title);
        word.PackageProperties.Subject = ReportText.XmlSafe(subject);
        word.PackageProperties.Creator = "SaferPlan";
        word.PackageProperties.Keywords = marking;
        main = word.AddMainDocumentPart();
        main.AddNewPart<StyleDefinitionsPart>().Styles = styles;
        if (numbering is not null)
        {
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = numbering;
        }

        main.AddNewPart<HeaderPart>().Header = new Header(Para(marking, "Marking"));
        main.AddNewPart<FooterPart>().Footer = new Footer(
            Para(marking, "Marking"),
            new Paragraph(
                [new ParagraphProperties(new ParagraphStyleId { Val = "FooterText" }),
                TextRun("Page "),
                .. Field("PAGE", "1"),
                TextRun(" of "),
                .. Field("NUMPAGES", "1")]));
        return word;
    }

    /// <summary>A complex field (PAGE, NUMPAGES) with a placeholder result that Word and LibreOffice replace.</summary>
    private static IEnumerable<Run> Field(string instruction, string placeholder) =>
    [
        new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
        new Run(new FieldCode($" {instruction} ") { Space = SpaceProcessingModeValues.Preserve }),
        new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
        new Run(new Text(placeholder)),
        new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
    ];

    /// <summary>The A4 page of a document started with <see cref="Open"/>, with its header and footer.</summary>
    public static SectionProperties A4Portrait(MainDocumentPart main) =>
        A4Portrait(main.GetIdOfPart(main.HeaderParts.First()), main.GetIdOfPart(main.FooterParts.First()));

    public static SectionProperties A4Portrait(string headerId, string? footerId = null)
    {
        var section = new SectionProperties(new HeaderReference { Type = HeaderFooterValues.Default, Id = headerId });
        if (footerId is not null)
        {
            section.Append(new FooterReference { Type = HeaderFooterValues.Default, Id = footerId });
        }

        section.Append(
            new PageSize { Width = PageWidth, Height = PageHeight, Orient = PageOrientationValues.Portrait },
            new PageMargin { Top = Margin, Right = Margin, Bottom = Margin, Left = Margin, Header = 567, Footer = 567, Gutter = 0 });
        return section;
    }

    public static Run TextRun(string text, bool bold = false, bool italic = false, bool breakBefore = false)
    {
        var run = new Run();
        if (bold || italic)
        {
            var properties = new RunProperties();
            if (bold)
            {
                properties.Append(new Bold());
            }

            if (italic)
            {
                properties.Append(new Italic());
            }

            run.Append(properties);
        }

        if (breakBefore)
        {
            run.Append(new Break());
        }

        run.Append(new Text(ReportText.XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    /// <summary>The text's lines as runs separated by line breaks.</summary>
    public static void AppendLines(Paragraph paragraph, string text, bool bold = false, bool italic = false)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            paragraph.Append(TextRun(lines[i], bold, italic, breakBefore: i > 0));
        }
    }

    public static Paragraph Para(string text, string? style = null)
    {
        var paragraph = style is null ? new Paragraph() : new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        AppendLines(paragraph, text);
        return paragraph;
    }

    public static Paragraph Heading(int level, string text, bool pageBreak = false)
    {
        var properties = new ParagraphProperties(new ParagraphStyleId { Val = $"Heading{level}" });
        if (pageBreak)
        {
            properties.Append(new PageBreakBefore());
        }

        return new Paragraph(properties, TextRun(text));
    }

    /// <summary>
    /// Text as the body's paragraphs: a list's lines in the List Bullet style, other blocks as plain paragraphs; when there
    /// is no text, <paramref name="whenEmpty"/> as a paragraph if given.
    /// </summary>
    public static void Text(Body body, string? text, string? whenEmpty = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        var blocks = ReportText.Blocks(text);
        if (blocks.Count == 0 && whenEmpty is not null)
        {
            body.Append(Para(whenEmpty));
            return;
        }

        foreach (var block in blocks)
        {
            if (block.IsList)
            {
                foreach (var line in block.Lines)
                {
                    body.Append(Para(line, "ListBullet"));
                }
            }
            else
            {
                body.Append(Para(string.Join('\n', block.Lines)));
            }
        }
    }

    /// <summary>Text as a table cell's paragraphs, a list's lines as Table Bullets; "[Restricted] " leads the first when restricted.</summary>
    public static List<Paragraph> CellParas(string? text, bool restricted = false)
    {
        var paras = new List<Paragraph>();
        foreach (var block in ReportText.Blocks(text))
        {
            paras.AddRange(block.IsList
                ? block.Lines.Select(l => CellPara(l, bullet: true, restricted: restricted && paras.Count == 0))
                : [CellPara(string.Join('\n', block.Lines), restricted: restricted && paras.Count == 0)]);
        }

        return paras;
    }

    /// <summary>A heading's or title's text, marked " (Restricted)" when it is.</summary>
    public static string Restricted(string text, bool restricted) => restricted ? text + " (Restricted)" : text;

    /// <summary>
    /// A table cell paragraph led by a label (an action's number, a milestone's code, "Value: "), bold unless asked
    /// otherwise, after "[Restricted] " when the text is restricted.
    /// </summary>
    public static Paragraph LabelledCellPara(string label, string text, bool boldLabel = true, bool restricted = false)
    {
        var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "TableText" }));
        if (restricted)
        {
            paragraph.Append(TextRun("[Restricted] ", bold: true));
        }

        paragraph.Append(TextRun(label, bold: boldLabel));
        AppendLines(paragraph, text);
        return paragraph;
    }

    /// <summary>A cell's paragraphs followed by a note in italics when there is one.</summary>
    public static List<Paragraph> WithNote(Paragraph first, string? note) =>
        note is null ? [first] : [first, CellPara(note, italic: true)];

    /// <summary>How the cells an action spans over its milestones' rows are merged: not at all for one row, else restarted on the first.</summary>
    public static MergedCellValues? Merge(int row, int rows) =>
        rows == 1 ? null : row == 0 ? MergedCellValues.Restart : MergedCellValues.Continue;

    /// <summary>
    /// An action plan table in <paramref name="style"/>: the header row of <paramref name="columns"/>, then each action's rows
    /// (<see cref="ActionRows"/>, its own cells from <paramref name="actionCells"/>).
    /// </summary>
    public static Table ActionTable<TMilestone>(
        int[] widths,
        string style,
        IEnumerable<string> columns,
        IEnumerable<DocumentAction<TMilestone>> actions,
        Func<DocumentAction<TMilestone>, IReadOnlyList<List<Paragraph>>> actionCells,
        Func<TMilestone, List<Paragraph>> milestoneCell)
        where TMilestone : IDocumentMilestone
    {
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(actionCells);
        var table = NewTable(widths, style);
        table.Append(HeaderRow(widths, [.. columns]));
        foreach (var action in actions)
        {
            ActionRows(table, widths, action, actionCells(action), milestoneCell);
        }

        return table;
    }

    /// <summary>
    /// An action's rows in an action plan table: a row per milestone, the action's own cells (<paramref name="actionCells"/>,
    /// in the first columns) and its other partners (the last column) merged down them; each milestone's cell from
    /// <paramref name="milestoneCell"/>, the action's note in italics under the last, then its lead (the action's on the
    /// first row when the milestone has none of its own). An action without milestones is one row with its cross-reference.
    /// </summary>
    public static void ActionRows<TMilestone>(Table table, int[] widths, DocumentAction<TMilestone> action, IReadOnlyList<List<Paragraph>> actionCells, Func<TMilestone, List<Paragraph>> milestoneCell)
        where TMilestone : IDocumentMilestone
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(widths);
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(actionCells);
        ArgumentNullException.ThrowIfNull(milestoneCell);
        var column = actionCells.Count;
        if (action.Milestones.Count == 0)
        {
            table.Append(new TableRow(
                [
                    .. actionCells.Select((paragraphs, i) => Cell(widths[i], paragraphs)),
                    Cell(widths[column], WithNote(CellPara(action.CrossReference ?? "No milestones."), action.Note)),
                    Cell(widths[column + 1], [CellPara(action.LeadAgency ?? "")]),
                    Cell(widths[column + 2], [CellPara(action.OtherPartners ?? "")]),
                ]));
            return;
        }

        for (var m = 0; m < action.Milestones.Count; m++)
        {
            var milestone = action.Milestones[m];
            var first = m == 0;
            var merge = Merge(m, action.Milestones.Count);
            var paragraphs = milestoneCell(milestone);
            if (m == action.Milestones.Count - 1 && action.Note is { } note)
            {
                paragraphs.Add(CellPara(note, italic: true));
            }

            table.Append(new TableRow(
                [
                    .. actionCells.Select((cell, i) => Cell(widths[i], first ? cell : [CellPara("")], merge: merge)),
                    Cell(widths[column], paragraphs),
                    Cell(widths[column + 1], [CellPara(milestone.Lead ?? (first ? action.LeadAgency : null) ?? "")]),
                    Cell(widths[column + 2], [CellPara(first ? action.OtherPartners ?? "" : "")], merge: merge),
                ]));
        }
    }

    /// <summary>A paragraph in a table cell, in the Table Text style (Table Bullet for a list item).</summary>
    public static Paragraph CellPara(string text, bool bold = false, bool italic = false, bool bullet = false, bool restricted = false)
    {
        var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = bullet ? "TableBullet" : "TableText" }));
        if (restricted)
        {
            paragraph.Append(TextRun("[Restricted] ", bold: true));
        }

        AppendLines(paragraph, text, bold, italic);
        return paragraph;
    }

    /// <summary>A table of fixed column widths in the given table style.</summary>
    public static Table NewTable(int[] widths, string style) => new(
        new TableProperties(
            new TableStyle { Val = style },
            new TableWidth { Width = Twips(widths.Sum()), Type = TableWidthUnitValues.Dxa },
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableLook { Val = "0620" }),
        new TableGrid(widths.Select(w => new GridColumn { Width = Twips(w) })));

    /// <summary>The header row, repeated on every page and never split.</summary>
    public static TableRow HeaderRow(int[] widths, params string[] headings) => HeaderRow(widths, false, headings);

    /// <summary>The header row, with the headings after the first right-aligned over columns of figures when asked.</summary>
    public static TableRow HeaderRow(int[] widths, bool alignRightAfterFirst, params string[] headings)
    {
        var row = new TableRow(new TableRowProperties(new CantSplit(), new TableHeader()));
        for (var i = 0; i < headings.Length; i++)
        {
            row.Append(Cell(widths[i], [CellPara(headings[i], bold: true)], header: true, alignRight: alignRightAfterFirst && i > 0));
        }

        return row;
    }

    public static TableCell Cell(int width, IEnumerable<Paragraph> paragraphs, MergedCellValues? merge = null, bool header = false, bool alignRight = false, int span = 1)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = Twips(width), Type = TableWidthUnitValues.Dxa });
        if (span > 1)
        {
            properties.Append(new GridSpan { Val = span });
        }

        if (merge is { } m)
        {
            properties.Append(new VerticalMerge { Val = m });
        }

        if (header)
        {
            properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "D9D9D9" });
        }

        var cell = new TableCell(properties);
        foreach (var p in paragraphs)
        {
            if (alignRight)
            {
                p.ParagraphProperties ??= new ParagraphProperties();
                p.ParagraphProperties.Append(new Justification { Val = JustificationValues.Right });
            }

            cell.Append(p);
        }

        if (!cell.Elements<Paragraph>().Any())
        {
            cell.Append(CellPara(""));
        }

        return cell;
    }

    public static string Twips(int value) => value.ToString(CultureInfo.InvariantCulture);

    private const long EmuPerTwip = 635;

    /// <summary>A PNG (a chart) as an inline picture the width of the text, its description as the alternative text.</summary>
    public static Drawing Picture(MainDocumentPart main, byte[] png, uint id, int width, int height, string description)
    {
        var part = main.AddImagePart(ImagePartType.Png);
        using (var data = new MemoryStream(png))
        {
            part.FeedData(data);
        }

        var relationship = main.GetIdOfPart(part);
        long cx = TextWidth * EmuPerTwip;
        long cy = cx * height / width;
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
}
