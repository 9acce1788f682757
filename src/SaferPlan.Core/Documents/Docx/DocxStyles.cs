using DocumentFormat.OpenXml.Wordprocessing;

namespace SaferPlan.Core.Documents.Docx;

/// <summary>
/// The styles SaferPlan's Word documents share: Arial in en-GB, paragraph styles built the same way, the plans' ruled
/// tables and Word's own default table style. Each document names its own styles from these pieces.
/// </summary>
internal static class DocxStyles
{
    /// <summary>Arial 11 pt in British English, 6 pt after each paragraph and a little more than single line spacing.</summary>
    public static DocDefaults Defaults() => new(
        new RunPropertiesDefault(new RunPropertiesBaseStyle(
            new RunFonts { Ascii = "Arial", HighAnsi = "Arial", ComplexScript = "Arial", EastAsia = "Arial" },
            new FontSize { Val = "22" },
            new FontSizeComplexScript { Val = "22" },
            new Languages { Val = "en-GB", EastAsia = "en-GB", Bidi = "ar-SA" })),
        new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
            new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto })));

    /// <summary>A primary paragraph style; every style but Normal is based on another and is followed by Normal.</summary>
    public static Style Paragraph(string id, string name, StyleParagraphProperties? paragraph, StyleRunProperties? run, string basedOn = "Normal")
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        style.Append(new StyleName { Val = name });
        if (id != "Normal")
        {
            style.Append(new BasedOn { Val = basedOn }, new NextParagraphStyle { Val = "Normal" });
        }

        style.Append(new PrimaryStyle());
        if (paragraph is not null)
        {
            style.Append(paragraph);
        }

        if (run is not null)
        {
            style.Append(run);
        }

        return style;
    }

    /// <summary>Space before and after in twentieths of a point; headings keep with what follows and carry an outline level.</summary>
    public static StyleParagraphProperties Spacing(int before, int after, bool keepNext = false, int? outline = null, JustificationValues? justify = null)
    {
        var properties = new StyleParagraphProperties();
        if (keepNext)
        {
            properties.Append(new KeepNext(), new KeepLines());
        }

        properties.Append(new SpacingBetweenLines { Before = Twips(before), After = Twips(after) });
        if (justify is { } j)
        {
            properties.Append(new Justification { Val = j });
        }

        if (outline is { } level)
        {
            properties.Append(new OutlineLevel { Val = level });
        }

        return properties;
    }

    /// <summary>The size in half points, with bold, a colour and capitals when asked.</summary>
    public static StyleRunProperties Font(int halfPoints, bool bold = false, string? color = null, bool caps = false)
    {
        var properties = new StyleRunProperties();
        if (bold)
        {
            properties.Append(new Bold(), new BoldComplexScript());
        }

        if (caps)
        {
            properties.Append(new Caps());
        }

        if (color is not null)
        {
            properties.Append(new Color { Val = color });
        }

        properties.Append(new FontSize { Val = Twips(halfPoints) }, new FontSizeComplexScript { Val = Twips(halfPoints) });
        return properties;
    }

    /// <summary>The defaults, body text, cover (title, subtitle, edition status), headings and contents entries that the plan document and its public update share.</summary>
    public static DocumentFormat.OpenXml.OpenXmlElement[] PlanCover() =>
    [
        Defaults(),
        Paragraph("Normal", "Normal", null, null),
        Paragraph("Title", "Title", Spacing(240, 240), Font(44, bold: true)),
        Paragraph("Subtitle", "Subtitle", Spacing(1200, 240), Font(30, bold: true)),
        Paragraph("Status", "Edition Status", Spacing(240, 480), Font(26, bold: true)),
        .. PlanHeadings(),
        Paragraph("ContentsEntry", "Contents Entry", Spacing(0, 60), null),
    ];

    /// <summary>The plan's three heading levels, which the plan document, its public update and the Board report share.</summary>
    public static Style[] PlanHeadings() =>
    [
        Paragraph("Heading1", "heading 1", Spacing(0, 240, keepNext: true, outline: 0), Font(32, bold: true)),
        Paragraph("Heading2", "heading 2", Spacing(240, 120, keepNext: true, outline: 1), Font(26, bold: true)),
        Paragraph("Heading3", "heading 3", Spacing(200, 80, keepNext: true, outline: 2), Font(22, bold: true)),
    ];

    /// <summary>The caption above a table, kept with it.</summary>
    public static Style TableCaption() =>
        Paragraph("TableCaption", "Table Caption", Spacing(120, 60, keepNext: true), Font(20, bold: true));

    /// <summary>The text in a table's cells.</summary>
    public static Style TableText(int halfPoints = 19, int after = 40) =>
        Paragraph("TableText", "Table Text", Spacing(0, after), Font(halfPoints));

    /// <summary>A note under a table, small and grey.</summary>
    public static Style Note() =>
        Paragraph("Note", "Note", Spacing(60, 200), Font(18, color: "505A5F"));

    /// <summary>A bulleted paragraph style on the given list of <see cref="Bullets"/>.</summary>
    public static Style Bullet(string id, string name, int after, int numberingId, StyleRunProperties? run = null, string basedOn = "Normal")
    {
        var paragraph = Spacing(0, after);
        paragraph.InsertAt(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = numberingId }), 0);
        return Paragraph(id, name, paragraph, run, basedOn);
    }

    /// <summary>The List Bullet style, on the first list of <see cref="Bullets"/>.</summary>
    public static Style ListBullet() => Bullet("ListBullet", "List Bullet", 60, 1);

    /// <summary>The protective marking in the header and footer, and the footer's "Page X of Y".</summary>
    public static Style[] PageFurniture() =>
    [
        Marking(),
        Paragraph("FooterText", "Footer Text", Spacing(0, 0, justify: JustificationValues.Center), Font(18)),
    ];

    /// <summary>The protective marking, centred in bold capitals.</summary>
    public static Style Marking() =>
        Paragraph("Marking", "Protective Marking", Spacing(0, 0, justify: JustificationValues.Center), Font(22, bold: true, caps: true));

    /// <summary>Word's default table style and the document's ruled table, its paragraphs without space before or after.</summary>
    public static Style[] Tables(string styleId, string name) =>
    [
        TableNormal(),
        RuledTable(styleId, name, new StyleParagraphProperties(new SpacingBetweenLines { Before = "0", After = "0" })),
    ];

    /// <summary>
    /// The numbering of one-level bulleted lists, one a given left indent and hanging indent in twips (list 1 the first):
    /// wider in the text, narrower in table cells.
    /// </summary>
    public static Numbering Bullets(params (string Left, string Hanging)[] indents)
    {
        ArgumentNullException.ThrowIfNull(indents);
        var numbering = new Numbering();
        for (var i = 0; i < indents.Length; i++)
        {
            numbering.Append(new AbstractNum(
                new MultiLevelType { Val = MultiLevelValues.SingleLevel },
                new Level(
                    new StartNumberingValue { Val = 1 },
                    new NumberingFormat { Val = NumberFormatValues.Bullet },
                    new LevelText { Val = "•" },
                    new LevelJustification { Val = LevelJustificationValues.Left },
                    new PreviousParagraphProperties(new Indentation { Left = indents[i].Left, Hanging = indents[i].Hanging }))
                { LevelIndex = 0 })
            { AbstractNumberId = i + 1 });
        }

        for (var i = 0; i < indents.Length; i++)
        {
            numbering.Append(new NumberingInstance(new AbstractNumId { Val = i + 1 }) { NumberID = i + 1 });
        }

        return numbering;
    }

    /// <summary>A table style with single black rules around and between cells and small cell margins, like the seeds' tables.</summary>
    public static Style RuledTable(string styleId, string name, StyleParagraphProperties? paragraph = null)
    {
        var style = new Style { Type = StyleValues.Table, StyleId = styleId };
        style.Append(new StyleName { Val = name }, new BasedOn { Val = "TableNormal" }, new PrimaryStyle());
        if (paragraph is not null)
        {
            style.Append(paragraph);
        }

        style.Append(new StyleTableProperties(
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
                new LeftBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
                new BottomBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
                new RightBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" }),
            CellMargins("57", 85)));
        return style;
    }

    /// <summary>Word's default table style, which <see cref="RuledTable"/> is based on.</summary>
    public static Style TableNormal()
    {
        var style = new Style { Type = StyleValues.Table, StyleId = "TableNormal", Default = true };
        style.Append(
            new StyleName { Val = "Normal Table" },
            new UIPriority { Val = 99 },
            new SemiHidden(),
            new UnhideWhenUsed(),
            new StyleTableProperties(
                new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa },
                CellMargins("0", 108)));
        return style;
    }

    private static TableCellMarginDefault CellMargins(string vertical, short horizontal) => new(
        new TopMargin { Width = vertical, Type = TableWidthUnitValues.Dxa },
        new TableCellLeftMargin { Width = horizontal, Type = TableWidthValues.Dxa },
        new BottomMargin { Width = vertical, Type = TableWidthUnitValues.Dxa },
        new TableCellRightMargin { Width = horizontal, Type = TableWidthValues.Dxa });

    private static string Twips(int value) => value.ToString(CultureInfo.InvariantCulture);
}
