using DocumentFormat.OpenXml.Wordprocessing;
using Body = DocumentFormat.OpenXml.Wordprocessing.Body;
using SaferPlan.Core.Documents.Docx;
using static SaferPlan.Core.Documents.Docx.DocxBlocks;

namespace SaferPlan.Core.Documents;

/// <summary>
/// Writes a quarter's milestone monitoring as a Word document in seed 004's layout: per priority a table with the
/// seed's columns (Number, Action, Milestones, Lead CDRP agency, Other partners) whose header row repeats on every page,
/// each milestone with "Measurement =", "Source:", its progress and "To meet target"; the protective marking in the
/// header and footer.
/// </summary>
public static class MilestoneMonitoringDocx
{
    private static readonly int[] Widths = ColumnWidths(960, 1900, 4240, 1380);

    public static byte[] ToBytes(MilestoneMonitoring document) =>
        DocxBlocks.ToBytes(document, Styles(), null, (body, _) => Body(body, document));

    private static void Body(Body body, MilestoneMonitoring document)
    {
        body.Append(Para(document.PartnershipName, "Title"));
        body.Append(Para($"{MilestoneMonitoring.DocumentTitle} {document.QuarterHeading}", "Subtitle"));
        body.Append(Para(PartnershipDocument.ReportingAgainst(document.EditionTitle, document.Period)));
        body.Append(Para(PartnershipDocument.AudienceLine(document.Audience, document.IncludesRestricted)));
        if (document.Priorities.Count == 0)
        {
            body.Append(Para("There is nothing to report for this quarter."));
        }

        foreach (var priority in document.Priorities)
        {
            body.Append(Heading(1, Restricted(priority.Heading, priority.Restricted), pageBreak: true));
            if (priority.Actions.Count == 0)
            {
                body.Append(Para("This priority has no actions in the plan."));
                continue;
            }

            body.Append(Para(MilestoneMonitoring.ActionPlanHeading, "TableCaption"));
            body.Append(Table(document, priority));
        }

        foreach (var note in document.Notes)
        {
            body.Append(Heading(1, Restricted(note.Heading, note.Restricted)));
            foreach (var block in ReportText.Blocks(note.Text))
            {
                body.Append(Para(string.Join('\n', block.Lines)));
            }
        }
    }

    private static Table Table(MilestoneMonitoring document, MonitoringPriority priority)
    {
        return DocxBlocks.ActionTable(
            Widths,
            "MonitoringTable",
            MilestoneMonitoring.Columns,
            priority.Actions,
            action => [[CellPara(action.Number)], [CellPara(action.Text, restricted: action.Restricted)]],
            milestone =>
            [
                LabelledCellPara(milestone.Code + " ", milestone.Text, restricted: milestone.Restricted),
                .. document.Lines(milestone).Select(l => LabelledCellPara(l.Label, string.Join('\n', ReportText.Blocks(l.Text).SelectMany(b => b.Lines)), boldLabel: false, restricted: l.Restricted)),
            ]);
    }

    private static Styles Styles() => new(
    [
        DocxStyles.Defaults(),
        DocxStyles.Paragraph("Normal", "Normal", null, null),
        DocxStyles.Paragraph("Title", "Title", DocxStyles.Spacing(1200, 240), DocxStyles.Font(40, bold: true)),
        DocxStyles.Paragraph("Subtitle", "Subtitle", DocxStyles.Spacing(0, 240), DocxStyles.Font(30, bold: true)),
        DocxStyles.Paragraph("Heading1", "heading 1", DocxStyles.Spacing(0, 240, keepNext: true, outline: 0), DocxStyles.Font(30, bold: true)),
        DocxStyles.TableCaption(),
        DocxStyles.TableText(18, after: 60),
        DocxStyles.Marking(),
        .. DocxStyles.Tables("MonitoringTable", "Monitoring Table"),
    ]);
}
