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
