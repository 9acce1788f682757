using SaferPlan.Core.Panels;

namespace SaferPlan.Panels;

/// <summary>A priority set at a panel meeting; <c>route</c> NeighbourhoodPolicing, AsbTaskGroup or PartnerAgency; <c>version</c> for changes.</summary>
public sealed record PanelPriorityRequest(int? RaisedAtId, string? Text, string? Ward, string? Route, int? RouteBodyId, int? RouteContactId, ProtectiveMarking? Marking, int? Version)
{
    public PanelPriorityInput ToInput() => new(RaisedAtId, Text, Ward, Route, RouteBodyId, RouteContactId, Marking);
}

public sealed record PanelActionRequest(DateOnly? TakenOn, string? Text, string? TakenBy, int? Version);

public sealed record ReportBackRequest(int? MeetingId, string? Text, int? Version);

/// <summary>A panel: <c>wards</c> as the partnership's ward lookup names them; <c>version</c> for changes.</summary>
public sealed record PanelRequest(string? Name, IReadOnlyList<string>? Wards, string? PolicingTeam, int? Version)
{
    public PanelInput ToInput() => new(Name, Wards is null ? null : string.Join('\n', Wards), PolicingTeam);
}

public sealed record PanelMeetingRequest(DateOnly? HeldOn, string? Place, int? Version);

public sealed record PanelMeetingDto(int Id, DateOnly HeldOn, string Place, int Version);

/// <summary>An action; <c>takenBy</c> is null in the public shape.</summary>
public sealed record PanelActionDto(int Id, int PriorityId, DateOnly TakenOn, string Text, string? TakenBy, int Version);

/// <summary>A priority: <c>routedTo</c> names the team, task group or agency; <c>contact</c> (a name, never an e-mail address) only for members.</summary>
public sealed record PanelPriorityDto(
    int Id, int PanelId, string Text, string? Ward, string Route, string RoutedTo, string? Contact, string Status, string Marking,
    PanelMeetingDto RaisedAt, string? ReportBack, PanelMeetingDto? ReportedBackAt, IReadOnlyList<PanelActionDto> Actions, int Version)
{
    public static PanelPriorityDto From(PanelPriorityView p) => new(
        p.Id, p.PanelId, p.Text, p.Ward, p.Route.ToString(), p.RoutedTo, p.Contact, p.Status.ToString(), p.Marking.ToString(),
        Meeting(p.RaisedAt), p.ReportBack, p.ReportedBackAt is { } m ? Meeting(m) : null,
        p.Actions.Select(a => new PanelActionDto(a.Id, p.Id, a.TakenOn, a.Text, a.TakenBy, a.Version)).ToList(), p.Version);

    internal static PanelMeetingDto Meeting(PanelMeeting m) => new(m.Id, m.HeldOn, m.Place, m.Version);
}

/// <summary>A panel; <c>public</c> is true for the visitors' shape (no Restricted priorities, no names of people).</summary>
public sealed record PanelDto(
    int Id, string Partnership, string Name, IReadOnlyList<string> Wards, string? PolicingTeam, bool Public,
    IReadOnlyList<PanelMeetingDto> Meetings, IReadOnlyList<PanelPriorityDto> Priorities, int Version)
{
    public static PanelDto From(PanelView v) => new(
        v.Panel.Id, v.PartnershipSlug, v.Panel.Name, v.Panel.Wards, v.Panel.PolicingTeam, v.IsPublic,
        v.Meetings.Select(PanelPriorityDto.Meeting).ToList(), v.Priorities.Select(PanelPriorityDto.From).ToList(), v.Panel.Version);
}

public sealed record PanelSummaryDto(int Id, string Name, IReadOnlyList<string> Wards, int Meetings, int Priorities, int NotReportedBack, DateOnly? LastMet);

/// <summary>
/// The neighbourhood panels API: panels read by anyone (visitors get the public shape); panels, meetings, priorities and
/// actions written with a version (If-Match or <c>version</c>; <c>?version=</c> for DELETE).
/// </summary>
public static class PanelEndpoints
{
    public static void MapPanels(this IEndpointRouteBuilder app)
    {
        var (api, writes) = app.MapApi("Panels");

        api.MapGet("/partnerships/{slug}/panels", ListAsync);
        api.MapGet("/panels/{id:int}", GetAsync);
        writes.MapPost("/partnerships/{slug}/panels", AddPanelAsync);
        writes.MapPut("/panels/{id:int}", UpdatePanelAsync);
        writes.MapPost("/panels/{id:int}/meetings", AddMeetingAsync);
        writes.MapPut("/panel-meetings/{id:int}", UpdateMeetingAsync);
        writes.MapDelete("/panel-meetings/{id:int}", DeleteMeetingAsync);
        writes.MapDelete("/panel-priorities/{id:int}", DeletePriorityAsync);
        writes.MapDelete("/panel-actions/{id:int}", DeleteActionAsync);
        writes.MapPost("/panels/{id:int}/priorities", AddPriorityAsync);
        writes.MapPut("/panel-priorities/{id:int}", UpdatePriorityAsync);
        writes.MapPut("/panel-priorities/{id:int}/report-back", ReportBackAsync);
        writes.MapPost("/panel-priorities/{id:int}/actions", AddActionAsync);
        writes.MapPut("/panel-actions/{id:int}", UpdateActionAsync);
    }

    private static async Task<Results<Ok<List<PanelSummaryDto>>, ProblemHttpResult>> ListAsync(string slug, PanelReader reader, CurrentUser current, CancellationToken ct) =>
        await reader.ListAsync(slug, await current.GetAsync(), ct) is { } list
            ? TypedResults.Ok(list.Panels.Select(s => new PanelSummaryDto(s.Panel.Id, s.Panel.Name, s.Panel.Wards, s.Meetings, s.Priorities, s.Open, s.LastMet)).ToList())
            : ApiErrors.NotFound($"There is no partnership '{slug}'.");

    private static async Task<Results<Ok<PanelDto>, ProblemHttpResult>> GetAsync(int id, PanelReader reader, CurrentUser current, HttpContext http, CancellationToken ct)
    {
        if (await reader.PanelAsync(id, await current.GetAsync(), ct: ct) is not { } view)
        {
            return ApiErrors.NotFound($"There is no panel {id}.");
        }

        return EditResponses.Versioned(http, PanelDto.From(view), view.Panel.Version);
    }

    private static async Task<Results<Created<PanelDto>, ProblemHttpResult>> AddPanelAsync(string slug, PanelRequest body, PanelEditor editor, PanelReader reader, CurrentUser current, HttpContext http, CancellationToken ct)
    {
        var user = await current.GetAsync();
        return await EditResponses.CreatedAsync(http, await editor.AddPanelAsync(slug, body.ToInput(), user, ct), p => $"/api/panels/{p.Id}",
            async p => PanelDto.From((await reader.PanelAsync(p.Id, user, ct: ct))!));
    }

    private static async Task<Results<Ok<PanelDto>, ProblemHttpResult>> UpdatePanelAsync(int id, PanelRequest body, PanelEditor editor, PanelReader reader, CurrentUser current, HttpContext http, CancellationToken ct)
    {
        var user = await current.GetAsync();
        return await ExpectedVersion.SavedAsync(http, body.Version, v => editor.UpdatePanelAsync(id, body.ToInput(), v, user, ct),
            async saved => PanelDto.From((await reader.PanelAsync(saved.Id, user, ct: ct))!));
    }

    private static async Task<Results<Created<PanelMeetingDto>, ProblemHttpResult>> AddMeetingAsync(int id, PanelMeetingRequest body, PanelEditor editor, CurrentUser current, HttpContext http, CancellationToken ct) =>
        await EditResponses.Created(http, await editor.AddMeetingAsync(id, new PanelMeetingInput(body.HeldOn, body.Place), await current.GetAsync(), ct),
            m => $"/api/panel-meetings/{m.Id}", PanelPriorityDto.Meeting);

    private static async Task<Results<Ok<PanelMeetingDto>, ProblemHttpResult>> UpdateMeetingAsync(int id, PanelMeetingRequest body, PanelEditor editor, CurrentUser current, HttpContext http, CancellationToken ct)
    {
        var user = await current.GetAsync();
        return await ExpectedVersion.SavedAsync(http, body.Version, v => editor.UpdateMeetingAsync(id, new PanelMeetingInput(body.HeldOn, body.Place), v, user, ct),
            saved => Task.FromResult(PanelPriorityDto.Meeting(saved)));
    }

    private static Task<Results<NoContent, ProblemHttpResult>> DeleteMeetingAsync(int id, int? version, PanelEditor editor, CurrentUser current, HttpContext http, CancellationToken ct) =>
        ExpectedVersion.DeletedAsync(http, version, async v => await editor.DeleteMeetingAsync(id, v, await current.GetAsync(), ct));

    private static Task<Results<NoContent, ProblemHttpResult>> DeletePriorityAsync(int id, int? version, PanelEditor editor, CurrentUser current, HttpContext http, CancellationToken ct) =>
        ExpectedVersion.DeletedAsync(http, version, async v => await editor.DeletePriorityAsync(id, v, await current.GetAsync(), ct));

    private static Task<Results<NoContent, ProblemHttpResult>> DeleteActionAsync(int id, int? version, PanelEditor editor, CurrentUser current, HttpContext http, CancellationToken ct) =>
        ExpectedVersion.DeletedAsync(http, version, async v => await editor.DeleteActionAsync(id, v, await current.GetAsync(), ct));

    private static async Task<Results<Created<PanelPriorityDto>, ProblemHttpResult>> AddPriorityAsync(
        int id, PanelPriorityRequest body, PanelEditor editor, PanelReader reader, CurrentUser current, HttpContext http, CancellationToken ct)
    {
        var user = await current.GetAsync();
        return await EditResponses.CreatedAsync(http, await editor.AddPriorityAsync(id, body.ToInput(), user, ct), p => $"/api/panel-priorities/{p.Id}",
            p => PriorityAsync(reader, p.PanelId, p.Id, user, ct));
    }

    private static async Task<Results<Ok<PanelPriorityDto>, ProblemHttpResult>> UpdatePriorityAsync(
        int id, PanelPriorityRequest body, PanelEditor editor, PanelReader reader, CurrentUser current, HttpContext http, CancellationToken ct)
    {
        var user = await current.GetAsync();
        return await ExpectedVersion.SavedAsync(http, body.Version, v => editor.UpdatePriorityAsync(id, body.ToInput(), v, user, ct),
            saved => PriorityAsync(reader, saved.PanelId, saved.Id, user, ct));
    }

    private static async Task<Results<Ok<PanelPriorityDto>, ProblemHttpResult>> ReportBackAsync(
        int id, ReportBackRequest body, PanelEditor editor, PanelReader reader, CurrentUser current, HttpContext http, CancellationToken ct)
    {
        var user = await current.GetAsync();
        return await ExpectedVersion.SavedAsync(http, body.Version, v => editor.ReportBackAsync(id, new ReportBackInput(body.MeetingId, body.Text), v, user, ct),
            saved => PriorityAsync(reader, saved.PanelId, saved.Id, user, ct));
    }

    private static async Task<Results<Created<PanelActionDto>, ProblemHttpResult>> AddActionAsync(int id, PanelActionRequest body, PanelEditor editor, CurrentUser current, HttpContext http, CancellationToken ct) =>
        await EditResponses.Created(http, await editor.AddActionAsync(id, new PanelActionInput(body.TakenOn, body.Text, body.TakenBy), await current.GetAsync(), ct),
            a => $"/api/panel-actions/{a.Id}", ActionDto);

    private static async Task<Results<Ok<PanelActionDto>, ProblemHttpResult>> UpdateActionAsync(int id, PanelActionRequest body, PanelEditor editor, CurrentUser current, HttpContext http, CancellationToken ct)
    {
        var user = await current.GetAsync();
        return await ExpectedVersion.SavedAsync(http, body.Version, v => editor.UpdateActionAsync(id, new PanelActionInput(body.TakenOn, body.Text, body.TakenBy), v, user, ct),
            a => Task.FromResult(ActionDto(a)));
    }

    private static PanelActionDto ActionDto(PanelAction a) => new(a.Id, a.PriorityId, a.TakenOn, a.Text, a.TakenBy, a.Version);

    private static async Task<PanelPriorityDto> PriorityAsync(PanelReader reader, int panelId, int priorityId, UserContext user, CancellationToken ct)
    {
        var view = await reader.PanelAsync(panelId, user, ct: ct) ?? throw new InvalidOperationException($"Panel {panelId} vanished after a save.");
        return PanelPriorityDto.From(view.Priorities.Single(p => p.Id == priorityId));
    }
}
