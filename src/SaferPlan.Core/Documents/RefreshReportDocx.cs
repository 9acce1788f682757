using DocumentFormat.OpenXml.Wordprocessing;
using Body = DocumentFormat.OpenXml.Wordprocessing.Body;
using SaferPlan.Core.Documents.Docx;
using static SaferPlan.Core.Documents.Docx.DocxBlocks;

namespace SaferPlan.Core.Documents;

/// <summary>
/// Writes an edition's refresh report as a Word document in seed 002's layout: the header lines, the title, numbered
/// paragraphs with a hanging indent, and Appendix A on a new page with each priority's comments received (and the response
/// to each) and changes made, numbered; the protective marking in the header and footer with "Page X of Y".
/// </summary>
public static class RefreshReportDocx
{
    public static byte[] ToBytes(RefreshReport report) =>
        DocxBlocks.ToBytes(report, Styles(), DocxStyles.Bullets(("1080", "360")), (body, _) => Body(body, report));

    private static void Body(Body body, RefreshReport report)
    {
        if (report.IsDraft)
        {
            body.Append(Para("DRAFT", "Status"));
        }

        body.Append(Para(report.PartnershipName.ToUpperInvariant(), "Partnership"));
        body.Append(Labelled("REPORT TO: ", report.ReportTo));
        body.Append(Labelled("AUTHOR/S: ", report.AuthorsLine));
        if (report.MeetingLine is { } meeting)
        {
            body.Append(Para(meeting));
        }

        body.Append(Para(report.Title, "Title"));
        foreach (var section in report.Sections)
        {
            body.Append(Heading(1, section.Heading));
            foreach (var paragraph in section.Paragraphs)
            {
                body.Append(Numbered(paragraph.Number.ToString(CultureInfo.InvariantCulture), paragraph.Text));
                foreach (var bullet in paragraph.Bullets)
                {
                    body.Append(Para(bullet, "ListBullet"));
                }
            }
        }

        body.Append(Heading(1, report.AppendixHeading, pageBreak: true));
        body.Append(Para(report.AppendixSummary, "Summary"));
        if (report.Appendix.Count == 0)
        {
            body.Append(Para("No comments were received and no changes made have been recorded."));
        }

        foreach (var priority in report.Appendix)
        {
            body.Append(Heading(2, priority.Restricted ? priority.Heading + " (Restricted)" : priority.Heading));
            if (priority.Comments.Count > 0)
            {
                body.Append(Heading(3, RefreshReport.CommentsHeading));
                foreach (var comment in priority.Comments)
                {
                    body.Append(Numbered(comment.Number, comment.Text));
                    if (comment.Response is { } response)
                    {
                        var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Response" }));
                        AppendLines(paragraph, response, italic: true);
                        body.Append(paragraph);
                    }
                }
            }

            if (priority.Changes.Count > 0)
            {
                body.Append(Heading(3, RefreshReport.ChangesHeading));
                foreach (var change in priority.Changes)
                {
                    body.Append(Numbered(change.Number, change.Text));
                }
            }
        }
    }

    private static Paragraph Labelled(string label, string value) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = "Meta" }), TextRun(label, bold: true), TextRun(value));

    /// <summary>"1.4", a tab, then the text hanging from the indent, as the seed's numbered paragraphs.</summary>
    private static Paragraph Numbered(string number, string text)
    {
        var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "NumberedPara" }), TextRun(number, bold: true), new Run(new TabChar()));
        AppendLines(paragraph, text);
        return paragraph;
    }

    private static Styles Styles()
    {
        var numbered = DocxStyles.Spacing(0, 160);
        numbered.Append(new Indentation { Left = "720", Hanging = "720" });
        var response = DocxStyles.Spacing(0, 160);
        response.Append(new Indentation { Left = "720" });
        return new Styles(
        [
            DocxStyles.Defaults(),
            DocxStyles.Paragraph("Normal", "Normal", null, null),
            DocxStyles.Paragraph("Status", "Draft Label", DocxStyles.Spacing(0, 240), DocxStyles.Font(26, bold: true)),
            DocxStyles.Paragraph("Partnership", "Partnership", DocxStyles.Spacing(0, 240), DocxStyles.Font(26, bold: true)),
            DocxStyles.Paragraph("Meta", "Report Details", DocxStyles.Spacing(0, 60), null),
            DocxStyles.Paragraph("Title", "Title", DocxStyles.Spacing(360, 240), DocxStyles.Font(28, bold: true)),
            DocxStyles.Paragraph("Summary", "Appendix Summary", DocxStyles.Spacing(0, 240), DocxStyles.Font(22, bold: true)),
            DocxStyles.Paragraph("Heading1", "heading 1", DocxStyles.Spacing(240, 120, keepNext: true, outline: 0), DocxStyles.Font(24, bold: true)),
            DocxStyles.Paragraph("Heading2", "heading 2", DocxStyles.Spacing(240, 120, keepNext: true, outline: 1), DocxStyles.Font(24, bold: true)),
            DocxStyles.Paragraph("Heading3", "heading 3", DocxStyles.Spacing(160, 80, keepNext: true, outline: 2), DocxStyles.Font(22, bold: true)),
            DocxStyles.Paragraph("NumberedPara", "Numbered Paragraph", numbered, null),
            DocxStyles.Paragraph("Response", "Response", response, null),
            DocxStyles.ListBullet(),
            .. DocxStyles.PageFurniture(),
            DocxStyles.TableNormal()
        ]);
    }
}
