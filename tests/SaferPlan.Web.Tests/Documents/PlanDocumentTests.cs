using System.Net.Http.Json;
using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Data;
using SaferPlan.Core.Documents;
using SaferPlan.Core.Editing;
using SaferPlan.Core.Plans;
using SaferPlan.TestCommon;
using SaferPlan.Web.Tests.Plans;

namespace SaferPlan.Web.Tests.Documents;

/// <summary>
/// An edition's plan document laid out as seed 000 (the Community Safety Plan 2008–2011, 2010/11 refresh): the demo's
/// 2010/11 edition regenerated as a web page and a Word document, the public version, and who gets which.
/// </summary>
public abstract class PlanDocumentTests(SaferPlanFactory app)
{
    private const string Demo = "south-cambridgeshire";

    /// <summary>Phrases of seed 000 the demo's document must hold word for word.</summary>
    private static readonly string[] SeedPhrases =
    [
        "South Cambridgeshire remains one of the safest places to live in the country.",
        "Recorded crime information held by the Police and Home Office Iquanta system.",
        "See Priority 2 Action Plan for more information",
        "Work to reduce Anti-Social Behaviour is now well established as part of the CDRP's routine work.",
        "MARAC",
        "Rehabilitate and Resettle: to work with identified prolific offenders",
    ];

    [Fact]
    public async Task Demo_2010_11_Html_HoldsEveryPriorityHeadingActionMilestoneAndGlossaryTermOfTheEdition()
    {
        var (id, edition) = await DemoEditionAsync();
        using var client = await app.ApiClientAsync();

        using var response = await client.GetAsync($"/api/editions/{id}/document.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var html = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.Contains("Protective marking: Official", html, StringComparison.Ordinal);
        var text = TextOf(html);
        AssertHoldsTheEdition(text, edition);
        AssertInOrder(
            text,
            "Community Safety Plan 2008–2011", "2010/11 edition", "Approved on 1 February 2010", "Contents",
            "Introduction", "Priority 1: Reducing Serious Acquisitive Crime", "Why is this a priority?", "What will we do?",
            "What will our approach be?", "How will we measure success?", "What data will we use to measure the success?",
            "Priority 1: Action plan", "Action", "Milestones", "Lead agency", "Other partners", "1.1", "1.1a",
            "Priority 2: Reducing re-offending", PlanDocument.MainstreamedHeading, "Reducing Anti-social Behaviour",
            "Section 3: How the CDRP works", PlanDocument.BodiesHeading, "CDRP Board", "Quarterly", PlanDocument.GlossaryHeading, "Acceptable Behaviour Contracts");
    }

    [Fact]
    public async Task Demo_2010_11_Docx_IsValid_AndItsTextAndLibreOfficesPdfHoldEveryPriorityActionMilestoneAndGlossaryTerm()
    {
        var (id, edition) = await DemoEditionAsync();
        using var client = await app.ApiClientAsync();

        using var response = await client.GetAsync($"/api/editions/{id}/document.docx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DocumentMediaTypes.Docx, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"{Demo}-plan-2010-11-public.docx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var docx = await response.Content.ReadAsByteArrayAsync();
        BoardReportTests.AssertValid(docx);
        Assert.Contains("w:tblHeader", DocumentFiles.Parts(docx, "word/document.xml"), StringComparison.Ordinal);
        Assert.Contains("Official", DocumentFiles.Parts(docx, "word/header"), StringComparison.Ordinal);
        AssertHoldsTheEdition(WordText(docx), edition);

        var pdf = await DocumentFiles.PdfTextAsync(docx);
        foreach (var priority in edition.Priorities)
        {
            Assert.Contains(priority.Title, pdf, StringComparison.Ordinal);
            foreach (var code in priority.Actions.Select(a => a.Number).Concat(priority.Actions.SelectMany(a => a.Milestones)))
            {
                Assert.Contains(code, pdf, StringComparison.Ordinal);
            }
        }

        foreach (var term in edition.Glossary)
        {
            Assert.Contains(term, pdf, StringComparison.Ordinal);
        }

        Assert.Contains("What data will we use to measure the success?", pdf, StringComparison.Ordinal);
        Assert.Contains("Approved on 1 February 2010", pdf, StringComparison.Ordinal);
        Assert.Contains("Page 1 of ", pdf, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicVersion_LeavesOutEveryRestrictedItemAndEmailAddress_TheFullVersionMarksThemRestricted()
    {
        var data = await RestrictedEditionAsync();
        using var member = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.BoardMember, partnership: data.Slug));
        using var visitor = await app.ApiClientAsync();

        var full = TextOf(await member.GetStringAsync($"/api/editions/{data.EditionId}/document.html"));
        var asked = TextOf(await member.GetStringAsync($"/api/editions/{data.EditionId}/document.html?audience=public"));
        var visitors = TextOf(await visitor.GetStringAsync($"/api/editions/{data.EditionId}/document.html?audience=full"));
        var publicDocx = await visitor.GetByteArrayAsync($"/api/editions/{data.EditionId}/document.docx");
        var fullDocx = await member.GetByteArrayAsync($"/api/editions/{data.EditionId}/document.docx");

        foreach (var text in new[] { asked, visitors, DocumentFiles.AllParts(publicDocx) })
        {
            Assert.DoesNotContain(data.Marker, text, StringComparison.Ordinal);
            Assert.DoesNotContain("Restricted priority", text, StringComparison.Ordinal);
            Assert.DoesNotContain("@example.org", text, StringComparison.Ordinal);
            Assert.Contains($"Write to contact.{data.Id}", text, StringComparison.Ordinal);
            Assert.Contains("1.1a", text, StringComparison.Ordinal);
            Assert.Contains("Public term", text, StringComparison.Ordinal);
        }

        Assert.Contains("Protective marking: Official", visitors, StringComparison.Ordinal);
        Assert.DoesNotContain("Restricted", DocumentFiles.Parts(publicDocx, "word/footer"), StringComparison.Ordinal);
        BoardReportTests.AssertValid(fullDocx);
        foreach (var text in new[] { full, WordText(fullDocx) })
        {
            Assert.Contains($"Restricted glossary term {data.Marker}", text, StringComparison.Ordinal);
            Assert.Contains($"Restricted section {data.Marker}", text, StringComparison.Ordinal);
            Assert.Contains($"Covert operation {data.Marker}", text, StringComparison.Ordinal);
            Assert.Contains($"Operation milestone {data.Marker}", text, StringComparison.Ordinal);
            Assert.Contains("Restricted priority", text, StringComparison.Ordinal);
            Assert.Contains($"contact.{data.Id}@example.org", text, StringComparison.Ordinal);
        }

        Assert.Contains("Protective marking: Restricted", full, StringComparison.Ordinal);
        Assert.Contains("Restricted", DocumentFiles.Parts(fullDocx, "word/header"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Draft_IsNotFoundForAVisitor_AMemberGetsItWithItsDraftLabel()
    {
        var data = await RestrictedEditionAsync();
        using var member = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.BoardMember, partnership: data.Slug));
        using var visitor = await app.ApiClientAsync();

        using var docx = await visitor.GetAsync($"/api/editions/{data.DraftId}/document.docx");
        using var html = await visitor.GetAsync($"/api/editions/{data.DraftId}/document.html?audience=public");
        using var page = await visitor.GetAsync($"/editions/{data.DraftId}/document.html");
        var draft = WebUtility.HtmlDecode(await member.GetStringAsync($"/api/editions/{data.DraftId}/document.html"));

        Assert.Equal(HttpStatusCode.NotFound, docx.StatusCode);
        Assert.Equal("application/problem+json", docx.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, html.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains($"Draft DRAFT.{data.Id}: not yet approved", draft, StringComparison.Ordinal);
        Assert.Contains("2011/12 edition", draft, StringComparison.Ordinal);
    }

    /// <summary>
    /// The demo's 2009/10 edition was replaced by 2010/11 with no approval date recorded: its public document says it was
    /// superseded, never that it is a draft not yet approved.
    /// </summary>
    [Fact]
    public async Task SupersededEditionWithNoApprovalRecorded_SaysSuperseded_NotDraft()
    {
        using var visitor = await app.ApiClientAsync();
        var plans = await visitor.GetFromJsonAsync<List<PlanJson>>($"/api/partnerships/{Demo}/plans");
        var superseded = plans!.SelectMany(p => p.Editions).Single(e => e.Year == "2009/10");
        Assert.Equal("Superseded", superseded.Status);

        var html = WebUtility.HtmlDecode(await visitor.GetStringAsync($"/editions/{superseded.Id}/document.html"));

        Assert.Contains("<p class=\"status\">Superseded by a later edition</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("not yet approved", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditionPage_LinksTheWordDocumentAndTheWebPage_WhichAreServedOverHttp()
    {
        var (id, _) = await DemoEditionAsync();
        using var client = await app.ApiClientAsync();

        var page = await client.GetStringAsync($"/editions/{id}");
        using var docx = await client.GetAsync($"/editions/{id}/document.docx");
        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/editions/{id}/document.html"));

        Assert.Contains($"href=\"/editions/{id}/document.docx\">Download the plan (Word)</a>", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/editions/{id}/document.html\">View the plan as a web page</a>", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal(DocumentMediaTypes.Docx, docx.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Priority 1: Reducing Serious Acquisitive Crime", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_UnknownAudienceOrEdition_IsAProblem()
    {
        var (id, _) = await DemoEditionAsync();
        using var client = await app.ApiClientAsync();

        using var audience = await client.GetAsync($"/api/editions/{id}/document.html?audience=everyone");
        using var missing = await client.GetAsync("/api/editions/999999/document.docx");

        Assert.Equal(HttpStatusCode.BadRequest, audience.StatusCode);
        var problem = await PlanApi.ReadAsync<Problem>(audience);
        Assert.True(problem.Errors?.ContainsKey("audience") == true, problem.ToString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>Every priority title, narrative heading, action number, milestone code and glossary term, plus seed 000's phrases.</summary>
    private static void AssertHoldsTheEdition(string text, DemoEdition edition)
    {
        Assert.NotEmpty(edition.Priorities);
        Assert.NotEmpty(edition.Glossary);
        foreach (var priority in edition.Priorities)
        {
            Assert.Contains(priority.Title, text, StringComparison.Ordinal);
            foreach (var action in priority.Actions)
            {
                Assert.Contains(action.Number + " ", text, StringComparison.Ordinal);
                foreach (var code in action.Milestones)
                {
                    Assert.Contains(code + " ", text, StringComparison.Ordinal);
                }
            }
        }

        for (var i = 0; i < PlanDocument.NarrativeHeadings.Count; i++)
        {
            var heading = PlanDocument.NarrativeHeadings[i];
            var expected = edition.Priorities.Count(p => p.Narrative[i]);
            Assert.True(expected > 0, heading);
            Assert.Equal(expected, Occurrences(text, heading));
        }

        foreach (var term in edition.Glossary)
        {
            Assert.Contains(term, text, StringComparison.Ordinal);
        }

        foreach (var phrase in SeedPhrases)
        {
            Assert.Contains(phrase, text, StringComparison.Ordinal);
        }
    }

    /// <summary>The demo's 2010/11 edition as the public API gives it.</summary>
    private async Task<(int Id, DemoEdition Edition)> DemoEditionAsync()
    {
        var id = await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Editions
            .Where(e => e.Plan.Partnership.Slug == Demo && e.YearStart == 2010 && e.Status == EditionStatus.Approved)
            .Select(e => e.Id).SingleAsync());
        using var client = await app.ApiClientAsync();
        var json = await PlanApi.OkJsonAsync<EditionJson>(await client.GetAsync($"/api/editions/{id}"));
        var priorities = json.Priorities.Select(p => new DemoPriority(
            p.Title,
            new[] { p.Why, p.WhatWeWillDo, p.Approach, p.MeasuringSuccess, p.DataUsed }.Select(text => !string.IsNullOrWhiteSpace(text)).ToArray(),
            p.Actions.Select(a => new DemoAction(a.Number, a.Milestones.Select(m => m.Code).ToList())).ToList())).ToList();
        var glossary = json.Glossary.Select(g => g.Term).ToList();
        return (id, new DemoEdition(priorities, glossary));
    }

    private sealed record DemoEdition(IReadOnlyList<DemoPriority> Priorities, IReadOnlyList<string> Glossary);

    private sealed record DemoPriority(string Title, bool[] Narrative, IReadOnlyList<DemoAction> Actions);

    private sealed record DemoAction(string Number, IReadOnlyList<string> Milestones);

    private sealed record RestrictedEdition(string Id, string Slug, string Marker, int EditionId, int DraftId);

    /// <summary>
    /// The Board report's test partnership (an approved 2010/11 edition with a Restricted priority, action and milestone),
    /// with a Restricted section and glossary entry, an e-mail address in an Official section, and a draft 2011/12 edition.
    /// </summary>
    private async Task<RestrictedEdition> RestrictedEditionAsync()
    {
        var data = await BoardReportTestData.CreateAsync(app);
        var (editionId, draftId) = await app.WithScopeAsync<(int, int)>(async sp =>
        {
            var db = sp.GetRequiredService<SaferPlanDbContext>();
            var edition = await db.Editions.Include(e => e.Plan).SingleAsync(e => e.Plan.Partnership.Slug == data.Slug);
            edition.Sections.Add(new PlanSection { Key = "contact", Title = "Contact", Body = $"Write to contact.{data.Id}@example.org for a copy.", Placement = SectionPlacement.BeforePriorities, SortOrder = 1 });
            edition.Sections.Add(new PlanSection { Key = "restricted", Title = $"Restricted section {data.Marker}", Body = "Not for publication.", Placement = SectionPlacement.AfterPriorities, SortOrder = 2, Marking = ProtectiveMarking.Restricted });
            edition.Glossary.Add(new GlossaryEntry { Term = "Public term", Definition = "A word everyone may read.", SortOrder = 1 });
            edition.Glossary.Add(new GlossaryEntry { Term = $"Restricted glossary term {data.Marker}", Definition = "Not for publication.", SortOrder = 2, Marking = ProtectiveMarking.Restricted });
            var draft = new PlanEdition { PlanId = edition.PlanId, YearStart = 2011, Label = $"DRAFT.{data.Id}", Title = $"Draft refresh {data.Id}", Status = EditionStatus.Draft, PreviousEditionId = edition.Id };
            db.Add(draft);
            await db.SaveChangesAsync();
            return (edition.Id, draft.Id);
        });
        return new RestrictedEdition(data.Id, data.Slug, data.Marker, editionId, draftId);
    }

    /// <summary>The text of every paragraph of the Word document's body, a line each.</summary>
    private static string WordText(byte[] docx)
    {
        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var text = new StringBuilder();
        foreach (var paragraph in word.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>())
        {
            foreach (var element in paragraph.Descendants())
            {
                if (element is Text t)
                {
                    text.Append(t.Text);
                }
                else if (element is Break)
                {
                    text.Append('\n');
                }
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>A web page's words as a reader sees them: tags left out, entities decoded.</summary>
    private static string TextOf(string html) => TestHtml.Parse(html).DocumentElement.TextContent;

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static void AssertInOrder(string text, params string[] parts)
    {
        var at = 0;
        foreach (var part in parts)
        {
            var next = text.IndexOf(part, at, StringComparison.Ordinal);
            Assert.True(next >= 0, $"'{part}' should follow in order, after position {at}: {text[at..Math.Min(text.Length, at + 1500)]}");
            at = next + part.Length;
        }
    }
}

public sealed class PlanDocumentTestsOnSqlite(SharedSqliteApp shared) : PlanDocumentTests(shared.App), IClassFixture<SharedSqliteApp>;

public sealed class PlanDocumentTestsOnPostgres(SharedPostgresApp shared) : PlanDocumentTests(shared.App), IClassFixture<SharedPostgresApp>;
