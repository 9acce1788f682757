using DocumentFormat.OpenXml.Wordprocessing;

namespace SaferPlan.Core.Documents;

/// <summary>The table styles SaferPlan's Word documents share: the plans' ruled tables and Word's own default.</summary>
internal static class DocxStyles
{
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
            new TableCellMarginDefault(
                new TopMargin { Width = "57", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = 85, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "57", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = 85, Type = TableWidthValues.Dxa })));
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
                new TableCellMarginDefault(
                    new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 108, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 108, Type = TableWidthValues.Dxa })));
        return style;
    }
}
