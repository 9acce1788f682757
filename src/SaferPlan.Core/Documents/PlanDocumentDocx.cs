using DocumentFormat.OpenXml.Wordprocessing;
using Body = DocumentFormat.OpenXml.Wordprocessing.Body;
using SaferPlan.Core.Documents.Docx;
using static SaferPlan.Core.Documents.Docx.DocxBlocks;

namespace SaferPlan.Core.Documents;

/// <summary>
/// Writes an edition's plan document as a Word document in seed 000's layout and the Board report's table style: a
/// cover, contents, the narrative under the seed's headings, per priority an action plan table whose header row repeats
/// on every page, the partnership's bodies and the glossary; the protective marking in the header and footer, and
/// "Page X of Y" from PAGE and NUMPAGES fields.
/// </summary>
public static class PlanDocumentDocx
{
    private static readonly int[] ActionWidths = ColumnWidths(2800, 4440, 1316);

    private static readonly int[] BodyWidths = ColumnWidths(2600, 1500, 1500);

    public static byte[] ToBytes(PlanDocument document) =>
        DocxBlocks.ToBytes(document, Styles(), DocxStyles.Bullets(("360", "360")), (body, _) => Body(body, document));

    private static void Body(Body body, PlanDocument document)
    {
        body.Append(Para(document.PartnershipName, "Subtitle"));
        body.Append(Para(document.PlanHeading, "Title"));
        body.Append(Para($"{document.YearHeading}: {document.EditionTitle}", "Subtitle"));
        body.Append(Para(document.StatusLine, "Status"));
        body.Append(Para(document.AudienceLine));

        body.Append(Heading(1, PlanDocument.ContentsHeading, pageBreak: true));
        foreach (var (_, heading) in document.Contents())
        {
            body.Append(Para(heading, "ContentsEntry"));
        }

        foreach (var part in document.Before)
        {
            Part(body, part);
        }

        foreach (var priority in document.Priorities)
        {
            body.Append(Heading(1, Restricted(priority.Heading, priority.Restricted), pageBreak: true));
            Priority(body, priority, 2);
        }

        if (document.Mainstreamed.Count > 0)
        {
            body.Append(Heading(1, PlanDocument.MainstreamedHeading, pageBreak: true));
            foreach (var priority in document.Mainstreamed)
            {
                body.Append(Heading(2, Restricted(priority.Heading, priority.Restricted)));
                Priority(body, priority, 3);
            }
        }

        foreach (var part in document.After)
        {
            Part(body, part);
        }

        if (document.Bodies.Count > 0)
        {
            body.Append(Heading(1, PlanDocument.BodiesHeading, pageBreak: true));
            body.Append(Para("The partnership's bodies and how often they meet", "TableCaption"));
            body.Append(BodiesTable(document));
        }

        if (document.Funding is { } funding)
        {
            DocumentFundingDocx.Account(body, funding);
        }

        if (document.Glossary.Count > 0)
        {
            body.Append(Heading(1, PlanDocument.GlossaryHeading, pageBreak: true));
            foreach (var entry in document.Glossary)
            {
                var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "GlossaryEntry" }));
                paragraph.Append(TextRun(Restricted(entry.Term, entry.Restricted), bold: true), TextRun(" – "));
                AppendLines(paragraph, entry.Definition);
                body.Append(paragraph);
            }
        }
    }

    private static void Part(Body body, ReportPart part)
    {
        body.Append(Heading(1, Restricted(part.Heading, part.Restricted), pageBreak: true));
        Text(body, part.Text);
    }

    private static void Priority(Body body, PlanDocumentPriority priority, int level)
    {
        foreach (var part in priority.Narrative)
        {
            body.Append(Heading(level, part.Heading));
            Text(body, part.Text);
        }

        if (priority.Actions.Count > 0)
        {
            body.Append(Para(priority.ActionPlanHeading, "TableCaption"));
            body.Append(ActionTable(priority));
        }
    }

    private static Table ActionTable(PlanDocumentPriority priority)
    {
        return DocxBlocks.ActionTable(
            ActionWidths,
            "PlanTable",
            PlanDocument.Columns,
            priority.Actions,
            action => [[LabelledCellPara(action.Number + " ", action.Text, restricted: action.Restricted)]],
            milestone => [LabelledCellPara(milestone.Code + " ", milestone.Text, restricted: milestone.Restricted)]);
    }

    private static Table BodiesTable(PlanDocument document)
    {
        var table = NewTable(BodyWidths, "PlanTable");
        table.Append(HeaderRow(BodyWidths, [.. PlanDocument.BodyColumns]));
        foreach (var b in document.Bodies)
        {
            var about = new List<Paragraph>();
            if (b.Chair is { } chair)
            {
                about.Add(CellPara($"Chair: {chair}"));
            }

            if (b.MemberAgencies is { } agencies)
            {
                about.Add(CellPara($"Member agencies: {agencies}"));
            }

            if (b.Description is { } description)
            {
                about.Add(CellPara(description));
            }

            table.Append(new TableRow(
                new TableRowProperties(new CantSplit()),
                Cell(BodyWidths[0], [CellPara(b.Name, bold: true)]),
                Cell(BodyWidths[1], [CellPara(b.Kind)]),
                Cell(BodyWidths[2], [CellPara(b.Meets)]),
                Cell(BodyWidths[3], about)));
        }

        return table;
    }

    private static Styles Styles() => new(
    [
        .. DocxStyles.PlanCover(),
        DocxStyles.Paragraph("GlossaryEntry", "Glossary Entry", DocxStyles.Spacing(0, 160), null),
        DocxStyles.ListBullet(),
        DocxStyles.TableCaption(),
        DocxStyles.TableText(),
        .. DocxStyles.PageFurniture(),
        .. DocxStyles.Tables("PlanTable", "Plan Table"),
    ]);
}
