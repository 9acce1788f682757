using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SaferPlan.Web.Tests.Plans;

/// <summary>Calls to the plan API shared by the HTTP tests, each checking what every response of its kind must have.</summary>
internal static class PlanApi
{
    public const string ProblemJson = "application/problem+json";

    public static async Task<int> EditionIdAsync(HttpClient client, string year)
    {
        var plans = await client.GetFromJsonAsync<List<PlanJson>>("/api/partnerships/south-cambridgeshire/plans", Contract);
        return plans!.SelectMany(p => p.Editions).Single(e => e.Year == year).Id;
    }

    public static async Task<JsonElement> EditionAsync(HttpClient client, int editionId)
    {
        using var response = await client.GetAsync($"/api/editions/{editionId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>
    /// The reason the helpers below always send: adding to an approved edition (the demo's 2010/11) is an amendment that
    /// needs one, and a draft ignores it.
    /// </summary>
    public const string AmendmentReason = "Added by the Board's agreement, for a test.";

    /// <summary>A 201 with the new item's address and its first version as the ETag.</summary>
    public static async Task<JsonElement> CreatedAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"Expected 201 Created, got {(int)response.StatusCode}: {text}");
            var body = JsonDocument.Parse(text).RootElement.Clone();
            Assert.Equal(1, body.GetProperty("version").GetInt32());
            Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
            Assert.NotNull(response.Headers.Location);
            Assert.EndsWith($"/{body.GetProperty("id").GetInt32()}", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
            return body;
        }
    }

    /// <summary>GETs an item that must be there; its ETag is its version in quotes.</summary>
    public static async Task<JsonElement> GetItemAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: expected 200, got {(int)response.StatusCode}: {text}");
        var body = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal($"\"{body.GetProperty("version").GetInt32()}\"", response.Headers.ETag?.Tag);
        return body;
    }

    /// <summary>
    /// A PUT body from an item as read, raw: its fields (with references as ids) and the version that was read.
    /// <para>
    /// Two ways to build a PUT body, on purpose. A test whose point is that the API takes back exactly what it gives out
    /// ("PUT back as read": <c>PlanApiTests.DemoItems_PutBackAsRead_AreAcceptedAndUnchanged</c> and the superseded edition's
    /// refusal) sends the JSON it read with no record in between, so a field the tests have never heard of still goes back
    /// and must still be accepted. Every other test reads the item as its typed record (<see cref="PriorityItemJson"/>,
    /// <see cref="ActionItemJson"/>, <see cref="MilestoneItemJson"/>) and builds the body with the overloads below: those
    /// records refuse an unknown property when read, so they cover every field of the contract and a body made from one
    /// leaves nothing out (a field the app adds fails the read rather than being quietly cleared by the PUT).
    /// </para>
    /// </summary>
    public static JsonObject PutBody(JsonElement item)
    {
        var body = JsonNode.Parse(item.GetRawText())!.AsObject();
        body["leadOfficerId"] = item.TryGetProperty("leadOfficer", out var lead) && lead.ValueKind == JsonValueKind.Object
            ? lead.GetProperty("id").GetInt32()
            : null;
        if (item.TryGetProperty("crossReference", out var cross))
        {
            body["bodyId"] = item.GetProperty("body") is { ValueKind: JsonValueKind.Object } b ? b.GetProperty("id").GetInt32() : null;
            var has = cross.ValueKind == JsonValueKind.Object;
            body["crossReferenceText"] = has ? cross.GetProperty("text").GetString() : null;
            body["crossReferencePriorityNumber"] = has && cross.GetProperty("priorityNumber").ValueKind == JsonValueKind.Number
                ? cross.GetProperty("priorityNumber").GetInt32()
                : null;
            body["crossReferenceActionNumber"] = has ? cross.GetProperty("actionNumber").GetString() : null;
        }

        body.Remove("actions");
        body.Remove("milestones");
        // The demo's editions are approved, so a change to one is an amendment and gives its reason; drafts ignore it.
        body["amendmentReason"] = "Changed by a test of the plan API.";
        return body;
    }

    /// <summary>A PUT body from a priority as read (see the raw <see cref="PutBody(JsonElement)"/> for why there are two ways).</summary>
    public static JsonObject PutBody(PriorityItemJson p) => WriteBody(new
    {
        p.Number, p.Title, p.Kind, p.Why, p.WhatWeWillDo, p.Approach, p.MeasuringSuccess, p.DataUsed, LeadOfficerId = p.LeadOfficer?.Id, p.Marking,
        p.Version,
    });

    /// <summary>A PUT body from an action as read: its body and lead officer as ids, its cross reference as its three fields.</summary>
    public static JsonObject PutBody(ActionItemJson a) => WriteBody(new
    {
        a.Number, a.Text, a.LeadAgency, a.OtherPartners, BodyId = a.Body?.Id, LeadOfficerId = a.LeadOfficer?.Id,
        CrossReferenceText = a.CrossReference?.Text, CrossReferencePriorityNumber = a.CrossReference?.PriorityNumber,
        CrossReferenceActionNumber = a.CrossReference?.ActionNumber, a.Note, a.Marking, a.PriorityId, a.Version,
    });

    /// <summary>A PUT body from a milestone as read: its lead officer as an id.</summary>
    public static JsonObject PutBody(MilestoneItemJson m) => WriteBody(new
    {
        m.Code, m.Text, m.Lead, LeadOfficerId = m.LeadOfficer?.Id, m.MeasurementKind, m.Measurement, m.Source, m.Target, m.DueQuarters, m.Marking,
        m.ActionId, m.Version,
    });

    private static JsonObject WriteBody(object fields)
    {
        var body = JsonSerializer.SerializeToNode(fields, Contract)!.AsObject();
        // As the raw PutBody: a change to an approved edition is an amendment and gives its reason; drafts ignore it.
        body["amendmentReason"] = "Changed by a test of the plan API.";
        return body;
    }

    /// <summary>A new priority of the edition, as its record.</summary>
    public static async Task<PriorityItemJson> NewPriorityAsync(HttpClient client, int editionId, string title, int? leadOfficerId = null) =>
        await CreatedAsync<PriorityItemJson>(await client.PostAsJsonAsync($"/api/editions/{editionId}/priorities", new { title, leadOfficerId, amendmentReason = AmendmentReason }));

    /// <summary>A new action of the priority, as its record.</summary>
    public static async Task<ActionItemJson> NewActionAsync(HttpClient client, int priorityId, string text, string? number = null) =>
        await CreatedAsync<ActionItemJson>(await client.PostAsJsonAsync($"/api/priorities/{priorityId}/actions", new { number, text, amendmentReason = AmendmentReason }));

    /// <summary>A new milestone of the action, as its record.</summary>
    public static async Task<MilestoneItemJson> NewMilestoneAsync(HttpClient client, int actionId, string text, string? code = null) =>
        await CreatedAsync<MilestoneItemJson>(await client.PostAsJsonAsync($"/api/actions/{actionId}/milestones", new { code, text, amendmentReason = AmendmentReason }));

    /// <summary>GET /api/editions/{id} with every item whole (<see cref="EditionItemsJson"/>).</summary>
    public static async Task<EditionItemsJson> EditionItemsAsync(HttpClient client, int editionId) =>
        await OkJsonAsync<EditionItemsJson>(await client.GetAsync($"/api/editions/{editionId}"));

    /// <summary>A priority (not a theme) of a demo edition by its number, whole, as the edition lists it.</summary>
    public static async Task<PriorityItemJson> DemoPriorityItemAsync(HttpClient client, string year, int number) =>
        (await EditionItemsAsync(client, await EditionIdAsync(client, year))).Priorities.Single(p => p.Number == number && p.Kind == "Priority");

    /// <summary>Any request with an optional JSON body and If-Match version.</summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, object? body, int? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        if (ifMatch is { } tag)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{tag}\""));
        }

        return await client.SendAsync(request);
    }

    /// <summary>A request answered with the given status (a body, if any, left unread).</summary>
    public static async Task ExpectAsync(HttpClient client, HttpMethod method, string url, object? body, HttpStatusCode expected, int? ifMatch = null)
    {
        using var answer = await SendAsync(client, method, url, body, ifMatch);
        Assert.True(answer.StatusCode == expected, $"{method} {url}: expected {(int)expected}, got {(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
    }

    /// <summary>A request answered with the given status and its body as the given record.</summary>
    public static async Task<T> ReadAsync<T>(HttpClient client, HttpMethod method, string url, object? body, HttpStatusCode expected)
    {
        using var answer = await SendAsync(client, method, url, body);
        Assert.True(answer.StatusCode == expected, $"{method} {url}: expected {(int)expected}, got {(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
        return await ReadAsync<T>(answer);
    }

    /// <summary>PUTs an item, sending the version in If-Match when one is given (the body's own "version" is sent as it is).</summary>
    public static async Task<HttpResponseMessage> PutAsync(HttpClient client, string path, JsonObject body, int? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create<JsonNode>(body) };
        if (ifMatch is { } version)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
        }

        return await client.SendAsync(request);
    }

    /// <summary>PUTs an item that must be saved: 200, the new version in the body and the ETag.</summary>
    public static async Task<JsonElement> PutOkAsync(HttpClient client, string path, JsonObject body, int? ifMatch = null)
    {
        using var response = await PutAsync(client, path, body, ifMatch);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"PUT {path}: expected 200, got {(int)response.StatusCode}: {text}");
        var saved = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal($"\"{saved.GetProperty("version").GetInt32()}\"", response.Headers.ETag?.Tag);
        return saved;
    }

    public static async Task<HttpResponseMessage> DeleteAsync(HttpClient client, string path, int? version = null, int? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, version is { } v ? $"{path}?version={v}" : path);
        if (ifMatch is { } tag)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{tag}\""));
        }

        return await client.SendAsync(request);
    }

    /// <summary>A 200 response's JSON body.</summary>
    public static async Task<JsonElement> OkJsonAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {text}");
            return JsonDocument.Parse(text).RootElement.Clone();
        }
    }

    /// <summary>Problem details with the given status, as raw JSON: for a check that something is absent from the body.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == status, $"Expected {(int)status} {status}, got {(int)response.StatusCode}: {text}");
            Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
            var problem = JsonDocument.Parse(text).RootElement.Clone();
            Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
            return problem;
        }
    }

    public static async Task AssertNotFoundAsync(HttpClient client, string path)
    {
        var problem = await ReadProblemAsync(await client.GetAsync(path), HttpStatusCode.NotFound);
        Assert.False(string.IsNullOrWhiteSpace(problem.Detail));
    }

    /// <summary>The demo edition of the given year as the tests' record of its tree: priorities, actions, milestones.</summary>
    public static async Task<EditionJson> EditionOfYearAsync(HttpClient client, string year) =>
        await OkJsonAsync<EditionJson>(await client.GetAsync($"/api/editions/{await EditionIdAsync(client, year)}"));

    /// <summary>A priority (not a theme) of the demo edition of the given year by its number, as the edition lists it.</summary>
    public static async Task<EditionPriorityJson> PriorityOfYearAsync(HttpClient client, string year, int number) =>
        (await EditionOfYearAsync(client, year)).Priorities.Single(p => p.Number == number && p.Kind == "Priority");

    /// <summary>
    /// How the tests read a response into their own record of the documented contract: the web defaults (camelCase), and
    /// strict, so a property a record names that the JSON lacks (renamed in the app, say) fails the read.
    /// </summary>
    public static readonly JsonSerializerOptions Contract = new(JsonSerializerOptions.Web)
    {
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    /// <summary>A response's JSON body read as the given record with <see cref="Contract"/>.</summary>
    public static async Task<T> ReadAsync<T>(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<T>(Contract) ?? throw new InvalidOperationException("The response's body is null.");

    private static async Task AssertStatusAsync(HttpResponseMessage response, HttpStatusCode status, string what = "")
    {
        if (response.StatusCode != status)
        {
            Assert.Fail($"{what}Expected {(int)status} {status}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>A 200 response's JSON body as the given record.</summary>
    public static async Task<T> OkJsonAsync<T>(HttpResponseMessage response)
    {
        using (response)
        {
            await AssertStatusAsync(response, HttpStatusCode.OK);
            return await ReadAsync<T>(response);
        }
    }

    /// <summary>A 201 with the new item's address and its first version as the ETag, its body as the given record.</summary>
    public static async Task<T> CreatedAsync<T>(HttpResponseMessage response)
        where T : IItemJson
    {
        using (response)
        {
            await AssertStatusAsync(response, HttpStatusCode.Created);
            var body = await ReadAsync<T>(response);
            Assert.Equal(1, body.Version);
            Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
            Assert.NotNull(response.Headers.Location);
            Assert.EndsWith($"/{body.Id}", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
            return body;
        }
    }

    /// <summary>GETs an item that must be there, as the given record; its ETag is its version in quotes.</summary>
    public static async Task<T> GetItemAsync<T>(HttpClient client, string path)
        where T : IItemJson
    {
        using var response = await client.GetAsync(path);
        await AssertStatusAsync(response, HttpStatusCode.OK, $"GET {path}: ");
        var body = await ReadAsync<T>(response);
        Assert.Equal($"\"{body.Version}\"", response.Headers.ETag?.Tag);
        return body;
    }

    /// <summary>PUTs an item that must be saved: 200, the new version in the body (read as the given record) and the ETag.</summary>
    public static async Task<T> PutOkAsync<T>(HttpClient client, string path, JsonObject body, int? ifMatch = null)
        where T : IItemJson
    {
        using var response = await PutAsync(client, path, body, ifMatch);
        await AssertStatusAsync(response, HttpStatusCode.OK, $"PUT {path}: ");
        var saved = await ReadAsync<T>(response);
        Assert.Equal($"\"{saved.Version}\"", response.Headers.ETag?.Tag);
        return saved;
    }

    /// <summary>Problem details with the given status, as the shared <see cref="Problem"/> record.</summary>
    public static async Task<Problem> ReadProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        using (response)
        {
            await AssertStatusAsync(response, status);
            Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
            var problem = await ReadAsync<Problem>(response);
            Assert.Equal((int)status, problem.Status);
            return problem;
        }
    }

    /// <summary>A 400 validation problem naming the field (by its JSON name) among its errors; gives that field's first message.</summary>
    public static async Task<string> ReadValidationErrorAsync(HttpResponseMessage response, string field)
    {
        var problem = await ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.NotNull(problem.Errors);
        Assert.True(problem.Errors.TryGetValue(field, out var messages), $"Expected an error for '{field}', got: {string.Join(", ", problem.Errors.Keys)}");
        Assert.False(string.IsNullOrWhiteSpace(messages[0]));
        return messages[0];
    }

    public static int Id(this JsonElement item) => item.GetProperty("id").GetInt32();

    public static int Version(this JsonElement item) => item.GetProperty("version").GetInt32();

    public static string Str(this JsonElement item, string property) => item.GetProperty(property).GetString()!;
}

/// <summary>An item the API reads, creates and saves with a version (its ETag).</summary>
internal interface IItemJson
{
    int Id { get; }

    int Version { get; }
}

/// <summary>Any new item's id, for a check that needs only that.</summary>
internal sealed record IdJson(int Id);

/// <summary>Any item's id and version, for a check that needs only those.</summary>
internal sealed record ItemVersionJson(int Id, int Version) : IItemJson;

/// <summary>Problem details as the API documents them (camelCase keys); <c>errors</c> only on validation problems.</summary>
internal sealed record Problem(int Status, string? Title = null, string? Detail = null, IReadOnlyDictionary<string, string[]>? Errors = null);

/// <summary>One of GET /api/partnerships/{slug}/plans: a plan and its editions.</summary>
internal sealed record PlanJson(int Id, string Title, IReadOnlyList<PlanEditionJson> Editions);

internal sealed record PlanEditionJson(int Id, string Year, string? Label, string Status);

/// <summary>GET /api/editions/{id}: an edition with its plan's tree as the tests look at it.</summary>
internal sealed record EditionJson(
    int Id, string Year, string Status, int Version, IReadOnlyList<EditionSectionJson> Sections, IReadOnlyList<GlossaryEntryJson> Glossary,
    IReadOnlyList<EditionPriorityJson> Priorities)
{
    public IEnumerable<EditionMilestoneJson> Milestones => Priorities.SelectMany(p => p.Actions).SelectMany(a => a.Milestones);
}

internal sealed record EditionPriorityJson(
    int Id, int Number, string Kind, string Title, string? Why, string? WhatWeWillDo, string? Approach, string? MeasuringSuccess, string? DataUsed,
    IReadOnlyList<EditionActionJson> Actions);

internal sealed record EditionActionJson(int Id, string Number, string Text, CrossReferenceJson? CrossReference, IReadOnlyList<EditionMilestoneJson> Milestones);

internal sealed record CrossReferenceJson(string? Text, int? PriorityNumber, string? ActionNumber);

internal sealed record EditionMilestoneJson(int Id, string Code, string Text, string? Measurement, string MeasurementKind, string? Source);

internal sealed record EditionSectionJson(string Key, string Title);

internal sealed record GlossaryEntryJson(string Term, string Definition);


/// <summary>A person an item names (its lead officer).</summary>
internal sealed record PersonRefJson(int Id, string Name);

/// <summary>The partnership body an action names.</summary>
internal sealed record BodyRefJson(int Id, string Name);

/// <summary>
/// GET /api/priorities/{id} (and each priority of an edition), every field of the contract: an unknown property fails the
/// read, so a PUT body made from it (<see cref="PlanApi.PutBody(PriorityItemJson)"/>) leaves nothing out.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record PriorityItemJson(
    int Id, int EditionId, int Number, string Kind, string Title, string? Why, string? WhatWeWillDo, string? Approach, string? MeasuringSuccess,
    string? DataUsed, PersonRefJson? LeadOfficer, string Marking, int Version, IReadOnlyList<ActionItemJson> Actions, IReadOnlyList<int> OriginIds) : IItemJson;

/// <summary>GET /api/actions/{id} (and each action of a priority), every field of the contract.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record ActionItemJson(
    int Id, int PriorityId, string Number, string Text, string? LeadAgency, string? OtherPartners, BodyRefJson? Body, PersonRefJson? LeadOfficer,
    CrossReferenceJson? CrossReference, string? Note, string Marking, int Version, IReadOnlyList<MilestoneItemJson> Milestones, int? OriginId) : IItemJson;

/// <summary>GET /api/milestones/{id} (and each milestone of an action), every field of the contract.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record MilestoneItemJson(
    int Id, int ActionId, string Code, string Text, string? Lead, PersonRefJson? LeadOfficer, string MeasurementKind, string? Measurement,
    string? Source, string? Target, IReadOnlyList<string> DueQuarters, string Marking, int Version, int? OriginId) : IItemJson;

/// <summary>GET /api/editions/{id} with its priorities, actions and milestones whole, for a test that changes them.</summary>
internal sealed record EditionItemsJson(int Id, string Year, string Status, int? PreviousEditionId, int Version, IReadOnlyList<PriorityItemJson> Priorities)
{
    public IEnumerable<ActionItemJson> Actions => Priorities.SelectMany(p => p.Actions);

    public IEnumerable<MilestoneItemJson> Milestones => Actions.SelectMany(a => a.Milestones);
}

/// <summary>GET /api/editions/{a}/compare/{b}: what differs, priorities, then actions, then milestones.</summary>
internal sealed record ComparisonJson(
    ComparedEditionJson From, ComparedEditionJson To,
    IReadOnlyList<PriorityDifferenceJson> Priorities, IReadOnlyList<ItemDifferenceJson> Actions, IReadOnlyList<ItemDifferenceJson> Milestones);

/// <summary>An edition compared: the earlier is always <c>from</c>, the later <c>to</c>.</summary>
internal sealed record ComparedEditionJson(int Id, string Year, string Title, string? Label, string Status);

internal sealed record PriorityDifferenceJson(IReadOnlyList<string> Kinds, IReadOnlyList<string> MergedFrom, IReadOnlyList<WordChangeJson> Title);

internal sealed record ItemDifferenceJson(
    IReadOnlyList<string> Kinds, string? OldReference, string? NewReference, IReadOnlyList<WordChangeJson> Text, IReadOnlyList<FieldDifferenceJson> Fields);

/// <summary>A run of words kept ("Same"), inserted or deleted.</summary>
internal sealed record WordChangeJson(string Kind, string Text);

internal sealed record FieldDifferenceJson(string Field, string? Old, string? New);

/// <summary>One of GET /api/partnerships/{slug}/plans with the years it runs.</summary>
internal sealed record PlanYearsJson(int Id, string Title, int StartYear, int EndYear, IReadOnlyList<PlanEditionJson> Editions);

/// <summary>An edition (GET /api/editions/{id}, or the approval's answer) as far as its title, history and the Board's decision.</summary>
internal sealed record EditionDecisionJson(
    int Id, string Title, string Status, int? PreviousEditionId, string? ApprovedOn, string? ApprovedBy, string? ApprovalMinute);

/// <summary>A change made at the refresh (GET /api/editions/{id}/changes), numbered after its priority's comments.</summary>
internal sealed record ChangeJson(int Id, string Number, int? PriorityId, string Text, string WrittenBy, int Version) : IItemJson;

/// <summary>A change made to an approved edition (GET /api/editions/{id}/amendments): which item, which fields, why.</summary>
internal sealed record AmendmentJson(int Id, string ItemKind, int ItemId, string ItemReference, string Changes, string Reason, string Marking);
