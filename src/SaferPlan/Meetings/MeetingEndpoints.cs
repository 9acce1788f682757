using SaferPlan.Caching;
using SaferPlan.Core.Meetings;

namespace SaferPlan.Meetings;

/// <summary>An agenda item; <c>url</c> is where its paper is read, null when it has none or the reader cannot open it yet (a Board report not published, a draft edition's refresh report, a funding plan not agreed).</summary>
public sealed record AgendaItemDto(int Id, string Title, PaperKind Paper, string? PaperKey, string? Url);

/// <summary>A decision; <c>url</c> is where its subject is read, null when it has none or the reader cannot open it yet.</summary>
public sealed record DecisionDto(int Id, string Text, string? Minute, DecisionKind Kind, string? SubjectKey, string? Url);

/// <summary>A meeting: <c>startsAt</c> is UK time ("14:00"); <c>sequence</c> counts its moves, as its calendar event's SEQUENCE.</summary>
public sealed record MeetingDto(
    int Id, int BodyId, string Body, string Year, DateOnly MeetsOn, string StartsAt, string? Place, bool IsPublic, bool IsCancelled,
    int Sequence, IReadOnlyList<AgendaItemDto> Agenda, IReadOnlyList<DecisionDto> Decisions, int Version)
{
    public static MeetingDto From(Meeting m, string slug, PaperAccess papers) => new(
        m.Id, m.BodyId, m.Body?.Name ?? "", m.Year.Slug, m.MeetsOn, MeetingText.Time(m.StartsAt), m.Place, m.IsPublic, m.IsCancelled, m.Sequence,
        m.Agenda.Select(a => new AgendaItemDto(a.Id, a.Title, a.Paper, a.PaperKey, AgendaPapers.Url(slug, a, papers))).ToList(),
        m.Decisions.Select(d => new DecisionDto(d.Id, d.Text, d.Minute, d.Kind, d.SubjectKey, MeetingPapers.DecisionUrl(slug, d, papers))).ToList(),
        m.Version);

    public static MeetingDto From(MeetingView view) => From(view.Meeting, view.Partnership.Slug, view.Papers);
}

/// <summary>A statutory duty with its status on the day asked: Due, Overdue or Done; the owner by name or role, never an e-mail address.</summary>
public sealed record DutyDto(int Id, string Key, string Title, DateOnly? StartsOn, DateOnly DueOn, string Owner, DateOnly? DoneOn, DutyStatus Status, int Version)
{
    public static DutyDto From(StatutoryDuty d, DateOnly today) =>
        new(d.Id, d.Key, d.Title, d.StartsOn, d.DueOn, MeetingText.Owner(d), d.DoneOn, d.StatusOn(today), d.Version);
}

public sealed record MeetingYearDto(string Year, IReadOnlyList<MeetingDto> Meetings, IReadOnlyList<DutyDto> Duties);

/// <summary>What scheduling a year added: its usual meetings and statutory duties not already there.</summary>
/// <summary>
/// What generating a year added; the meetings and duties left out as dated before <paramref name="LeftOutBefore"/> (the day
/// the partnership was set up, or today in the year under way), and why (<paramref name="LeftOut"/>, null when none were).
/// </summary>
public sealed record ScheduleAddedDto(int MeetingsAdded, int DutiesAdded, int MeetingsLeftOut, int DutiesLeftOut, DateOnly? LeftOutBefore, string? LeftOut);

/// <summary>The address of the user's calendar feed, to subscribe to in a calendar program.</summary>
public sealed record CalendarFeedDto(string Url);

/// <summary>A meeting as sent: <c>year</c> "2010-11", <c>startsAt</c> "14:00"; <c>version</c> (or If-Match) for a change.</summary>
public sealed record MeetingRequest(int? BodyId, string? Year, DateOnly? MeetsOn, string? StartsAt, string? Place, bool? IsPublic, int? Version);

public sealed record AgendaItemRequest(string? Title, PaperKind? Paper, string? PaperKey);

public sealed record DecisionRequest(string? Text, string? Minute, DecisionKind? Kind, string? SubjectKey);

public sealed record DutyRequest(DateOnly? DoneOn, int? OwnerPersonId, int? Version);

/// <summary>Words and numbers shared by the meeting pages and the API.</summary>
public static class MeetingText
{
    public static string Time(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static TimeOnly? ParseTime(string? text) =>
        TimeOnly.TryParseExact(text?.Trim(), ["H:mm", "HH:mm", "HH:mm:ss", "H.mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;

    public static string Owner(StatutoryDuty d) =>
        d.OwnerPerson?.Name ?? (d.OwnerRole == Permissions.DefaultDutyOwner ? "Support officers" : $"{d.OwnerRole}s");

    public static string Status(DutyStatus status) => status switch
    {
        DutyStatus.Done => "Done",
        DutyStatus.Overdue => "Overdue",
        _ => "Due",
    };

    public static string StatusTag(DutyStatus status) => status switch
    {
        DutyStatus.Done => "govuk-tag govuk-tag--green",
        DutyStatus.Overdue => "govuk-tag govuk-tag--red",
        _ => "govuk-tag govuk-tag--blue",
    };
}

/// <summary>
/// The governance calendar's API: a year's meetings and duties, adding, moving and cancelling meetings (versioned: 428
/// without a version, 409 or 412 on a stale one), agenda items and decisions, duties marked done, and the iCalendar feeds.
/// </summary>
public static class MeetingEndpoints
{
    public static void MapMeetings(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Meetings");
        api.MapGet("/partnerships/{slug}/meetings", ListAsync);
        api.MapPost("/partnerships/{slug}/meetings", AddAsync).RequireAuthorization();
        api.MapPost("/partnerships/{slug}/meetings/schedule", GenerateAsync).RequireAuthorization();
        api.MapGet("/meetings/{id:int}", GetAsync);
        api.MapPut("/meetings/{id:int}", UpdateAsync).RequireAuthorization();
        api.MapPost("/meetings/{id:int}/cancellation", CancelAsync).RequireAuthorization();
        api.MapPost("/meetings/{id:int}/agenda", AddAgendaItemAsync).RequireAuthorization();
        api.MapPost("/meetings/{id:int}/decisions", AddDecisionAsync).RequireAuthorization();
        api.MapPut("/duties/{id:int}", SetDutyAsync).RequireAuthorization();
        api.MapGet("/partnerships/{slug}/calendar.ics", PublicFeedAsync).Produces(StatusCodes.Status200OK, contentType: "text/calendar");
        api.MapGet("/calendar/{token}.ics", PrivateFeedAsync).Produces(StatusCodes.Status200OK, contentType: "text/calendar");
        api.MapPost("/account/calendar-feed", IssueFeedAsync).RequireAuthorization();
        api.MapDelete("/account/calendar-feed", RevokeFeedAsync).RequireAuthorization();
    }

    /// <summary>The financial year named by <paramref name="text"/>, or the problem naming the field.</summary>
    public static bool TryYear(string? text, out ReportingPeriod year, out ProblemHttpResult? problem)
    {
        problem = null;
        if (ReportingPeriod.TryParse(text, out year) && year.IsWholeYear)
        {
            return true;
        }

        problem = ApiErrors.Invalid(new Dictionary<string, string[]> { ["year"] = ["Enter the financial year, like 2010-11"] }, "Enter the financial year, like 2010-11");
        return false;
    }

    private static async Task<Results<Ok<MeetingYearDto>, ProblemHttpResult>> ListAsync(string slug, string? year, MeetingReader meetings, StatutoryYearService duties, CurrentUser current, CancellationToken ct)
    {
        if (!TryYear(year, out var period, out var problem))
        {
            return problem!;
        }

        if (await meetings.YearAsync(slug, period, await current.GetAsync(), ct) is not { } view)
        {
            return ApiErrors.NotFound($"There is no partnership '{slug}'.");
        }

        var today = duties.Today;
        return TypedResults.Ok(new MeetingYearDto(
            period.Slug,
            view.Meetings.Select(m => MeetingDto.From(m, slug, view.Papers)).ToList(),
            (await duties.YearAsync(view.Partnership.Id, period, ct)).Select(d => DutyDto.From(d, today)).ToList()));
    }

    private static async Task<Results<Ok<MeetingDto>, ProblemHttpResult>> GetAsync(int id, MeetingReader meetings, CurrentUser current, HttpContext http, CancellationToken ct)
    {
        if (await meetings.MeetingAsync(id, await current.GetAsync(), ct) is not { } found)
        {
            return ApiErrors.NotFound($"There is no meeting {id}.");
        }

        return EditResponses.Versioned(http, MeetingDto.From(found), found.Meeting.Version);
    }

    private static async Task<Results<Created<MeetingDto>, ProblemHttpResult>> AddAsync(string slug, MeetingRequest body, SaferPlanDbContext db, MeetingEditor editor, MeetingReader meetings, CurrentUser current, HttpContext http, CancellationToken ct)
    {
        if (await db.Partnerships.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug, ct) is not { } partnership)
        {
            return ApiErrors.NotFound($"There is no partnership '{slug}'.");
        }

        var user = await current.GetAsync();
        var (input, problem) = Input(body, null);
        if (problem is not null)
        {
            return problem;
        }

        return await EditResponses.CreatedAsync(http, await editor.AddAsync(partnership.Id, input!, user, ct), m => $"/api/meetings/{m.Id}",
            async m => MeetingDto.From((await meetings.MeetingAsync(m.Id, user, ct))!));
    }

    private static async Task<Results<Ok<ScheduleAddedDto>, ProblemHttpResult>> GenerateAsync(string slug, string? year, SaferPlanDbContext db, MeetingEditor editor, StatutoryYearService duties, CurrentUser current, CancellationToken ct)
    {
        if (!TryYear(year, out var period, out var problem))
        {
            return problem!;
        }

        if (await db.Partnerships.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug, ct) is not { } partnership)
        {
            return ApiErrors.NotFound($"There is no partnership '{slug}'.");
        }

        var user = await current.GetAsync();
        var added = await editor.GenerateYearAsync(partnership.Id, period, user, ct);
        if (!added.Succeeded)
        {
            return ApiErrors.From(added);
        }

        var dutiesAdded = await duties.GenerateYearAsync(partnership.Id, period, user, ct);
        if (!dutiesAdded.Succeeded)
        {
            return ApiErrors.From(dutiesAdded);
        }

        var (m, d) = (added.Value, dutiesAdded.Value);
        return TypedResults.Ok(new ScheduleAddedDto(m.Added, d.Added, m.LeftOut, d.LeftOut, m.LeftOut + d.LeftOut > 0 ? m.From ?? d.From : null, GenerationStart.LeftOutSentence(m, d)));
    }

    private static async Task<Results<Ok<MeetingDto>, ProblemHttpResult>> UpdateAsync(int id, MeetingRequest body, MeetingEditor editor, MeetingReader meetings, CurrentUser current, HttpContext http, CancellationToken ct)
    {
        var user = await current.GetAsync();
        var (input, problem) = Input(body, id);
        if (problem is not null)
        {
            return problem;
        }

        return await ExpectedVersion.SavedAsync(http, body.Version, v => editor.UpdateAsync(id, input!, v, user, ct), async saved =>
        {
            return MeetingDto.From((await meetings.MeetingAsync(saved.Id, user, ct))!);
        });
    }

    private static async Task<Results<Ok<MeetingDto>, ProblemHttpResult>> CancelAsync(int id, int? version, MeetingEditor editor, MeetingReader meetings, CurrentUser current, HttpContext http, CancellationToken ct)
    {
        var user = await current.GetAsync();
        return await ExpectedVersion.SavedAsync(http, version, v => editor.CancelAsync(id, v, user, ct), async saved =>
        {
            return MeetingDto.From((await meetings.MeetingAsync(saved.Id, user, ct))!);
        });
    }

    private static async Task<Results<Created<AgendaItemDto>, ProblemHttpResult>> AddAgendaItemAsync(int id, AgendaItemRequest body, MeetingEditor editor, CurrentUser current, CancellationToken ct)
    {
        var result = await editor.AddAgendaItemAsync(id, new AgendaItemInput(body.Title, body.Paper ?? PaperKind.None, body.PaperKey), await current.GetAsync(), ct);
        return result.Succeeded
            ? TypedResults.Created($"/api/meetings/{id}", new AgendaItemDto(result.Value.Id, result.Value.Title, result.Value.Paper, result.Value.PaperKey, null))
            : ApiErrors.From(result);
    }

    private static async Task<Results<Created<DecisionDto>, ProblemHttpResult>> AddDecisionAsync(int id, DecisionRequest body, MeetingEditor editor, CurrentUser current, CancellationToken ct)
    {
        var result = await editor.RecordDecisionAsync(id, new DecisionInput(body.Text, body.Minute, body.Kind ?? DecisionKind.Other, body.SubjectKey), await current.GetAsync(), ct);
        return result.Succeeded
            ? TypedResults.Created($"/api/meetings/{id}", new DecisionDto(result.Value.Id, result.Value.Text, result.Value.Minute, result.Value.Kind, result.Value.SubjectKey, null))
            : ApiErrors.From(result);
    }

    private static async Task<Results<Ok<DutyDto>, ProblemHttpResult>> SetDutyAsync(int id, DutyRequest body, StatutoryYearService duties, CurrentUser current, HttpContext http, CancellationToken ct)
    {
        var user = await current.GetAsync();
        return await ExpectedVersion.SavedAsync(http, body.Version, v => duties.SetDoneAsync(id, body.DoneOn, body.OwnerPersonId, v, user, ct), async saved => DutyDto.From((await duties.DutyAsync(saved.Id, ct))!, duties.Today));
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> PublicFeedAsync(string slug, SaferPlanDbContext db, ChangeStampCache cache, IConfiguration configuration, TimeProvider time, CancellationToken ct)
    {
        if (await db.Partnerships.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug, ct) is not { } partnership)
        {
            return ApiErrors.NotFound($"There is no partnership '{slug}'.");
        }

        // Built once per change of the partnership (any save moves its stamp on), not per calendar program's poll.
        var ics = await cache.GetAsync($"ics/public/{partnership.Id}/{partnership.ChangeStamp}", async services =>
        {
            int[] ids = [partnership.Id];
            var text = CalendarIcs.Write($"{partnership.Name}: meetings and duties", FeedHost(configuration), PublicLinks.BaseUrl(configuration),
                new Dictionary<int, Partnership> { [partnership.Id] = partnership },
                await services.GetRequiredService<MeetingReader>().ForFeedAsync(ids, all: false, CancellationToken.None),
                await services.GetRequiredService<StatutoryYearService>().ForFeedAsync(ids, CancellationToken.None), time.GetUtcNow(), showPrivateText: false);
            return (text, text.Length * 2L);
        }, ct);
        return TypedResults.Text(ics, "text/calendar; charset=utf-8");
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> PrivateFeedAsync(string token, CalendarFeedService feeds, AccountService accounts, SaferPlanDbContext db, ChangeStampCache cache, IConfiguration configuration, TimeProvider time, CancellationToken ct)
    {
        if (await feeds.UserOfAsync(token, ct) is not { } userId)
        {
            return ApiErrors.NotFound("There is no calendar feed at this address: it may have been revoked.");
        }

        var user = await accounts.ContextForAsync(userId, ct);
        var ids = Permissions.PartnershipsWithPrivateMeetings(user);
        var partnerships = await db.Partnerships.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var stamps = string.Join(',', partnerships.Values.OrderBy(p => p.Id).Select(p => $"{p.Id}:{p.ChangeStamp}"));
        var ics = await cache.GetAsync($"ics/private/{ChangeStampCache.Who(user)}/{user.Name}/{stamps}", async services =>
        {
            var text = CalendarIcs.Write($"SaferPlan: {user.Name}", FeedHost(configuration), PublicLinks.BaseUrl(configuration), partnerships,
                await services.GetRequiredService<MeetingReader>().ForFeedAsync(ids.ToList(), all: true, CancellationToken.None),
                await services.GetRequiredService<StatutoryYearService>().ForFeedAsync(ids.ToList(), CancellationToken.None), time.GetUtcNow(), showPrivateText: true);
            return (text, text.Length * 2L);
        }, ct);
        return TypedResults.Text(ics, "text/calendar; charset=utf-8");
    }

    private static async Task<Results<Ok<CalendarFeedDto>, ProblemHttpResult>> IssueFeedAsync(CalendarFeedService feeds, CurrentUser current, IConfiguration configuration, HttpContext http, CancellationToken ct)
    {
        var issued = await feeds.IssueAsync(await current.GetAsync(), ct);
        if (!issued.Succeeded)
        {
            return ApiErrors.From(issued);
        }

        var root = PublicLinks.BaseUrl(configuration) ?? $"{http.Request.Scheme}://{http.Request.Host}";
        return TypedResults.Ok(new CalendarFeedDto($"{root}/api/calendar/{issued.Value}.ics"));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeFeedAsync(CalendarFeedService feeds, CurrentUser current, CancellationToken ct)
    {
        var revoked = await feeds.RevokeAsync(await current.GetAsync(), ct);
        return revoked.Succeeded ? TypedResults.NoContent() : ApiErrors.From(revoked);
    }

    /// <summary>The host in every event's UID: the site's public address, so UIDs never change with the request's Host header.</summary>
    private static string FeedHost(IConfiguration configuration) =>
        PublicLinks.BaseUrl(configuration) is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : "saferplan.local";

    private static (MeetingInput? Input, ProblemHttpResult? Problem) Input(MeetingRequest body, int? id)
    {
        var errors = new Dictionary<string, string[]>();
        ReportingPeriod? year = null;
        if (body.Year is not null || id is null)
        {
            if (ReportingPeriod.TryParse(body.Year, out var y) && y.IsWholeYear)
            {
                year = y;
            }
            else
            {
                errors["year"] = ["Enter the financial year, like 2010-11"];
            }
        }

        var startsAt = MeetingText.ParseTime(body.StartsAt);
        if (body.StartsAt is not null && startsAt is null)
        {
            errors["startsAt"] = ["Enter the time the meeting starts, like 14:00"];
        }

        return errors.Count > 0
            ? (null, ApiErrors.Invalid(errors, errors.Values.First()[0]))
            : (new MeetingInput(body.BodyId, year, body.MeetsOn, startsAt, body.Place, body.IsPublic), null);
    }
}
