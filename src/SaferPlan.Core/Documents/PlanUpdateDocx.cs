using DocumentFormat.OpenXml.Wordprocessing;
using SaferPlan.Core.Documents.Docx;
using static SaferPlan.Core.Documents.Docx.DocxBlocks;
using Body = DocumentFormat.OpenXml.Wordprocessing.Body;

namespace SaferPlan.Core.Documents;

/// <summary>
/// Writes a year's public plan update (seed 003) as a Word document in the plan document's style: the foreword and the
/// Board's members, contents, achievements, what we did and spent per priority, the year's plan with each priority's
/// targets and lead officer, and how to get in touch; the marking in the header and footer with "Page X of Y".
/// </summary>
public static class PlanUpdateDocx
{
    private static readonly int[] MemberWidths = ColumnWidths(5000);

    private static readonly int[] TargetWidths = ColumnWidths(6000);

    public static byte[] ToBytes(PlanUpdate document) =>
        DocxBlocks.ToBytes(document, Styles(), DocxStyles.Bullets(("360", "360")), (body, _) => Body(body, document));

    private static void Body(Body body, PlanUpdate document)
    {
        Opening(body, document);
        Contents(body, document);
        Achievements(body, document);
        WhatWeDid(body, document);
        Plan(body, document);
        After(body, document);
    }

    /// <summary>The cover, the foreword and the Board's members.</summary>
    private static void Opening(Body body, PlanUpdate document)
    {
        body.Append(Para(document.PartnershipName, "Subtitle"));
        body.Append(Para(document.Title, "Title"));
        body.Append(Para(document.Label, "Status"));

        if (document.Foreword is { } foreword)
        {
            body.Append(Heading(1, foreword.Heading, pageBreak: true));
            Text(body, foreword.Text);
        }

        if (document.BoardMembers.Count > 0)
        {
            body.Append(Heading(2, document.BoardMembersHeading));
            var table = NewTable(MemberWidths, "PlanTable");
            table.Append(HeaderRow(MemberWidths, "Organisation", "Name"));
            foreach (var member in document.BoardMembers)
            {
                table.Append(new TableRow(Cell(MemberWidths[0], [CellPara(member.Agency)]), Cell(MemberWidths[1], [CellPara(member.Name)])));
            }

            body.Append(table);
        }
    }

    /// <summary>The contents: the heading of each part.</summary>
    private static void Contents(Body body, PlanUpdate document)
    {
        body.Append(Heading(1, PlanUpdate.ContentsHeading, pageBreak: true));
        foreach (var (_, heading) in document.Contents())
        {
            body.Append(Para(heading, "ContentsEntry"));
        }
    }

    /// <summary>The year's achievements.</summary>
    private static void Achievements(Body body, PlanUpdate document)
    {
        body.Append(Heading(1, document.AchievementsHeading, pageBreak: true));
        if (document.Achievements.Count == 0)
        {
            body.Append(Para($"No achievements have been recorded for {document.AchievementsYear.Display}."));
        }
        else
        {
            body.Append(Para(document.AchievementsIntro ?? ""));
            foreach (var line in document.Achievements)
            {
                body.Append(Para(line, "ListBullet"));
            }
        }
    }

    /// <summary>What we did and spent, per priority.</summary>
    private static void WhatWeDid(Body body, PlanUpdate document)
    {
        body.Append(Heading(1, document.WhatWeDidHeading, pageBreak: true));
        Text(body, document.WhatWeDid?.Text);
        if (document.Funding is { } funding)
        {
            foreach (var group in funding.SpendingByPriority)
            {
                body.Append(Heading(2, group.Key));
                foreach (var a in group)
                {
                    body.Append(new Paragraph(TextRun(a.Sentence, bold: true)));
                    Text(body, a.Results);
                }
            }

            body.Append(Para(document.SpentTotalSentence ?? ""));
        }
        else
        {
            body.Append(Para($"No spending has been published for {document.Year.Display}."));
        }
    }

    /// <summary>The year's plan: its introduction and parts, then each priority.</summary>
    private static void Plan(Body body, PlanUpdate document)
    {
        body.Append(Heading(1, document.PlanHeading, pageBreak: true));
        Text(body, document.PlanIntroduction?.Text);
        foreach (var part in document.PlanParts)
        {
            body.Append(Heading(2, part.Heading));
            Text(body, part.Text);
        }

        foreach (var priority in document.Priorities)
        {
            Priority(body, priority);
        }
    }

    /// <summary>One priority of the plan: its narrative, targets and lead officer.</summary>
    private static void Priority(Body body, PlanUpdatePriority priority)
    {
        body.Append(Heading(2, priority.Heading));
        var targetsShown = false;
        foreach (var part in priority.Narrative)
        {
            body.Append(Heading(3, part.Heading));
            Text(body, part.Text);
            if (part.Heading == PlanUpdatePriority.TargetsHeading)
            {
                Targets(body, priority);
                targetsShown = true;
            }
        }

        if (!targetsShown && priority.Targets.Count > 0)
        {
            body.Append(Heading(3, PlanUpdatePriority.TargetsHeading));
            Targets(body, priority);
        }

        if (priority.LeadOfficer is { } lead)
        {
            body.Append(Heading(3, PlanUpdatePriority.LeadOfficerHeading));
            body.Append(Para(lead));
        }
    }

    /// <summary>The parts after the plan (how to get in touch and the like), each from a new page.</summary>
    private static void After(Body body, PlanUpdate document)
    {
        for (var i = 0; i < document.After.Count; i++)
        {
            body.Append(Heading(1, $"{4 + i}. {document.After[i].Heading}", pageBreak: true));
            Text(body, document.After[i].Text);
        }
    }

    private static void Targets(Body body, PlanUpdatePriority priority)
    {
        if (priority.Targets.Count == 0)
        {
            return;
        }

        var table = NewTable(TargetWidths, "PlanTable");
        table.Append(HeaderRow(TargetWidths, "Indicator", "Target"));
        foreach (var target in priority.Targets)
        {
            table.Append(new TableRow(Cell(TargetWidths[0], [CellPara(target.Indicator)]), Cell(TargetWidths[1], [CellPara(target.Target)])));
        }

        body.Append(table);
    }

    private static Styles Styles() => new(
    [
        .. DocxStyles.PlanCover(),
        DocxStyles.ListBullet(),
        DocxStyles.TableText(),
        .. DocxStyles.PageFurniture(),
        .. DocxStyles.Tables("PlanTable", "Plan Table"),
    ]);
}
