using System.Text.RegularExpressions;

namespace SaferPlan.Core.Tests;

/// <summary>
/// The web project does each of these things one way (README, "One way to do each thing"); a copy written by hand beside it
/// drifts. This reads the source of src/SaferPlan and names every copy outside the one place that may do it.
/// </summary>
public sealed partial class OneWayTests
{
    /// <summary>The success banner is set by <c>EditOutcomes.Done</c> (which <c>Saved</c> and <c>SaveFormAsync</c> use).</summary>
    [Fact]
    public void SuccessBanner_IsSetOnlyByEditOutcomes() =>
        AssertOnlyIn(SuccessBanner(), ["src/SaferPlan/Shared/EditOutcomes.cs"], "Answer a done action with this.Done(banner, next)");

    /// <summary>An item's version goes out as its ETag through <c>Api/EditResponses</c>.</summary>
    [Fact]
    public void ETag_IsSetOnlyByTheApiKit() =>
        AssertOnlyIn(ETagSet(), ["src/SaferPlan/Api/EditResponses.cs"], "Answer with EditResponses (Versioned, Added, Created) or ExpectedVersion.SavedAsync");

    /// <summary>The API answers named records (its request delegates are generated, and OpenAPI names their schemas).</summary>
    [Fact]
    public void ApiAnswers_AreNamedRecords() =>
        AssertOnlyIn(AnonymousAnswer(), [], "Answer a named record, not an anonymous object");

    /// <summary>
    /// A feature's services are injected, never made by another feature with <c>new</c>: only the composition root
    /// (<c>SaferPlanApp</c>) makes one by hand. (Core included: a service made with <c>new</c> skips what the container gives it.)
    /// </summary>
    [Fact]
    public void Services_AreInjectedNotMadeByAnother()
    {
        var found = SourceScan.Find(ServiceMade(), ["src/SaferPlan", "src/SaferPlan.Core"], ["src/SaferPlan/SaferPlanApp.cs"]);
        Assert.True(found.Count == 0, $"Take the service as a constructor parameter instead:\n{string.Join("\n", found)}");
    }

    /// <summary>
    /// An item looked up for an edit comes back as an <c>EditResult</c> of the item (found, or why not), which the edit takes
    /// apart with <c>Refused(out var item, out var refusal)</c>: never a pair of a nullable item and a nullable refusal, which
    /// leaves the caller asserting with <c>!</c> that the item is there.
    /// </summary>
    [Fact]
    public void ItemsFoundForAnEdit_AreAnEditResult_NotAPairWithARefusal()
    {
        var found = SourceScan.Find(ItemAndRefusalPair(), ["src/SaferPlan", "src/SaferPlan.Core"], []);
        Assert.True(found.Count == 0, $"Return EditResult<TItem> (Ok(item), or the refusal) and take it apart with .Refused(out var item, out var refusal):\n{string.Join("\n", found)}");
    }

    /// <summary>
    /// An edit checks its input once, with <c>FieldCheck</c>, into the fields it writes (a text trimmed, a date that was given),
    /// and writes those: it never reads its input again after the check, asserting with <c>!</c> that the check saw to it.
    /// </summary>
    [Fact]
    public void Edits_WriteTheirCheckedFields_NotTheirInputReadWithBang()
    {
        var found = SourceScan.Find(InputReadWithBang(), ["src/SaferPlan", "src/SaferPlan.Core"], []);
        Assert.True(found.Count == 0, $"Check the input with a FieldCheck into a record of the fields the edit writes, and write those:\n{string.Join("\n", found)}");
    }

    /// <summary>An edit refused for one rule says so with <c>EditResult.Invalid(field, message)</c>, not a dictionary made for it.</summary>
    [Fact]
    public void OneRuleBroken_IsInvalidWithItsFieldAndMessage()
    {
        var found = SourceScan.Find(OneErrorDictionary(), ["src/SaferPlan", "src/SaferPlan.Core"], ["src/SaferPlan.Core/Editing/EditResult.cs"]);
        Assert.True(found.Count == 0, $"Refuse with EditResult<T>.Invalid(field, message):\n{string.Join("\n", found)}");
    }

    /// <summary>
    /// A page, page model or link builder writes a document's address with <c>DocumentLinks</c> (beside the routes it names in
    /// <c>Documents/DocumentRoutes.cs</c>), never by hand: a hand-written one drifts, as the agenda's link to the refresh report
    /// did to <c>/api</c>, where the sign-in cookie is not honoured.
    /// </summary>
    [Fact]
    public void DocumentAddresses_AreWrittenOnlyByDocumentLinks()
    {
        var found = SourceScan.Find(DocumentAddress(), ["src/SaferPlan", "src/SaferPlan.Core"], ["src/SaferPlan/Documents/DocumentRoutes.cs"], razor: true);
        Assert.True(found.Count == 0, $"Link to the document with DocumentLinks (Documents/DocumentRoutes.cs):\n{string.Join("\n", found)}");
    }

    [Fact]
    public void Patterns_RecogniseWhatTheyLookFor()
    {
        Assert.Matches(DocumentAddress(), "PaperKind.RefreshReport when key is not null => $\"/api/editions/{key}/refresh-report.html\",");
        Assert.Matches(DocumentAddress(), "<a class=\"govuk-link\" href=\"/editions/@v.Edition.Id/refresh-report.docx\">");
        Assert.Matches(DocumentAddress(), "<a class=\"govuk-link\" href=\"/api/partnerships/@slug/assessment.docx?from=@a.From&amp;to=@a.To\" download>");
        Assert.Matches(DocumentAddress(), "$\"/api/partnerships/{slug}/reports/update/{year.FinancialYear.Slug}.{ReportEndpoints.Extension(format)}\";");
        Assert.DoesNotMatch(DocumentAddress(), "/// <summary>The path for the site's own links: /editions/12/document.docx.</summary>");
        Assert.DoesNotMatch(DocumentAddress(), "return TypedResults.Content(html(), \"text/html\");");
        Assert.DoesNotMatch(DocumentAddress(), "bytes => bytes.LongLength, ct), DocumentMediaTypes.Docx, a.FileStem + \".docx\");");
        Assert.DoesNotMatch(DocumentAddress(), "href=\"@DocumentLinks.RefreshReport(v.Edition.Id, ReportFormat.Html)\"");
        Assert.Matches(OneErrorDictionary(), "return EditResult<Meeting>.Invalid(new Dictionary<string, string> { [\"MeetsOn\"] = \"This meeting was cancelled\" });");
        Assert.DoesNotMatch(OneErrorDictionary(), "return EditResult<Meeting>.Invalid(\"MeetsOn\", \"This meeting was cancelled\");");
        Assert.DoesNotMatch(OneErrorDictionary(), "return EditResult<T>.Invalid(check.Errors);");
        Assert.Matches(InputReadWithBang(), "panel.Name = input.Name!.Trim();");
        Assert.Matches(InputReadWithBang(), "HeldOn = input.HeldOn!.Value,");
        Assert.Matches(InputReadWithBang(), "var f = input.Figures![i];");
        Assert.Matches(InputReadWithBang(), "p.Title = ReportText.Name(input.Title)!;");
        Assert.DoesNotMatch(InputReadWithBang(), "if (Clean(input.Title) != null)");
        Assert.DoesNotMatch(InputReadWithBang(), "if (input.Kind != TargetKind.PercentChangeOnBaseline)");
        Assert.DoesNotMatch(InputReadWithBang(), "panel.Name = fields.Name;");
        Assert.Matches(ItemAndRefusalPair(), "private async Task<(Meeting? Meeting, EditResult<T>? Refusal)> EditableAsync<T>(int id)");
        Assert.Matches(ItemAndRefusalPair(), "private static (LookupAuthority? Authority, EditResult<AreaView>? Refusal) ChooseAuthority(");
        Assert.Matches(ItemAndRefusalPair(), "Task<(T? Part, Indicator? Indicator, EditResult<T>? Refusal)> PartForEditAsync<T>(");
        Assert.DoesNotMatch(ItemAndRefusalPair(), "private async Task<EditResult<Meeting>> EditableAsync(int meetingId)");
        Assert.Matches(ServiceMade(), "await new CrimeAreaService(db, new ComparatorAreaService(db)).ResolveAsync(id, ct);");
        Assert.Matches(ServiceMade(), "var reader = new IndicatorReader(db);");
        Assert.DoesNotMatch(ServiceMade(), "var html = new StringBuilder(capacity);");
        Assert.DoesNotMatch(ServiceMade(), "using var reader = new StreamReader(path);");
        Assert.DoesNotMatch(ServiceMade(), "var builder = new HtmlContentBuilder();");
        Assert.Matches(SuccessBanner(), "TempData[\"Success\"] = $\"{saved.Title} saved\";");
        Assert.Matches(ETagSet(), "http.Response.Headers.ETag = $\"\\\"{version}\\\"\";");
        Assert.Matches(AnonymousAnswer(), "return TypedResults.Ok(new { url = link });");
        Assert.Matches(AnonymousAnswer(), "TypedResults.Created($\"/api/x/{id}\", new { id })");
        Assert.DoesNotMatch(AnonymousAnswer(), "TypedResults.Ok(new MeetingYearDto(year, meetings, duties))");
    }

    /// <summary>An address ending .docx or .html (or an extension put in by hand) on a line that is not a comment.</summary>
    [GeneratedRegex(@"^(?!\s*(?://|@\*|\*)).*?/[\w{}@().\-/]*\.(?:docx\b|html\b|\{\w*\.?Extension\()")]
    private static partial Regex DocumentAddress();

    [GeneratedRegex(@"\(\w+\??\s+\w+,(?:\s*[\w<>]+\??\s+\w+,)*\s*EditResult<[\w<>]+>\?\s+\w+\)")]
    private static partial Regex ItemAndRefusalPair();

    [GeneratedRegex(@"\binput\.\w+\)?!(?!=)")]
    private static partial Regex InputReadWithBang();

    [GeneratedRegex(@"\.Invalid\(\s*new\s+Dictionary<string,\s*string>")]
    private static partial Regex OneErrorDictionary();

    [GeneratedRegex(@"TempData\[""Success""\]\s*=")]
    private static partial Regex SuccessBanner();

    [GeneratedRegex(@"Headers\.ETag\s*=")]
    private static partial Regex ETagSet();

    [GeneratedRegex(@"\bnew\s+(?!(?:String|HtmlContent|Stream|Row|Text|Binary|Xml|Json|\w*ConnectionString|DbContextOptions)\w*\s*\()[A-Z]\w*(?:Service|Reader|Editor|Builder|Importer|Loader)\s*\(")]
    private static partial Regex ServiceMade();

    [GeneratedRegex(@"\b(Ok|Created|Accepted)\((?:[^()]*,\s*)?new\s*\{")]
    private static partial Regex AnonymousAnswer();

    private static void AssertOnlyIn(Regex pattern, string[] allowed, string advice)
    {
        var found = SourceScan.Find(pattern, ["src/SaferPlan"], allowed);
        Assert.True(found.Count == 0, $"{advice}:\n{string.Join("\n", found)}");
    }
}
