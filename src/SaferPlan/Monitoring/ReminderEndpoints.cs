using SaferPlan.Accounts;
using SaferPlan.Api;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Monitoring;
using SaferPlan.Core.Periods;
using SaferPlan.Core.Plans;

namespace SaferPlan.Monitoring;

public sealed record ReminderPersonDto(int PersonId, string Name, IReadOnlyList<string> Milestones)
{
    public static ReminderPersonDto From(ReminderRecipient r) => new(r.Person.Id, r.Person.Name, r.Milestones.Select(m => m.Code).ToList());
}

public sealed record QueuedReminderDto(int PersonId, string Name, string Email, int LinkId, DateTimeOffset LinkExpiresAt, IReadOnlyList<string> Milestones)
{
    public static QueuedReminderDto From(QueuedReminder r) => new(r.PersonId, r.Name, r.Email, r.LinkId, r.LinkExpiresAt, r.Milestones);
}

/// <summary>What sending reminders did. <c>emailConfigured</c> is false when no mail server is set: the e-mails wait until one is.</summary>
public sealed record ReminderResultDto(string Period, int Emailed, IReadOnlyList<QueuedReminderDto> Recipients, IReadOnlyList<ReminderPersonDto> SkippedNoEmail, bool EmailConfigured);

/// <summary>Who reminders would go to now, without sending anything.</summary>
public sealed record ReminderPlanDto(string Period, DateOnly? Deadline, string Subject, IReadOnlyList<ReminderPersonDto> WithEmail, IReadOnlyList<ReminderPersonDto> WithoutEmail, bool EmailConfigured);

public sealed record UpdateLinkDto(int Id, int PersonId, string Person, string Period, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt)
{
    public static UpdateLinkDto From(UpdateLink l, string person) =>
        new(l.Id, l.PersonId, person, l.Period.Slug, l.CreatedAt, l.CreatedBy, l.ExpiresAt, l.RevokedAt, l.LastUsedAt);
}

/// <summary>The JSON API for chasing updates: e-mailed reminders with personal update links, and revoking a link.</summary>
public static class ReminderEndpoints
{
    public static void MapReminderEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Reminders").RequireAuthorization();

        api.MapGet("/partnerships/{slug}/periods/{period}/reminders", async Task<IResult> (string slug, string period, PlanReader reader, ReminderService reminders, CurrentUser current, IConfiguration configuration, CancellationToken ct) =>
        {
            if (!ReportingPeriod.TryParse(period, out var p))
            {
                return MonitoringEndpoints.BadPeriod(period);
            }

            if (await reader.PartnershipBySlugAsync(slug, ct) is not { } partnership)
            {
                return ApiErrors.NotFound($"There is no partnership '{slug}'.");
            }

            var result = await reminders.PlanAsync(partnership.Id, p, await current.GetAsync(), ct);
            if (!result.Succeeded)
            {
                return ApiErrors.From(result);
            }

            var plan = result.Value!;
            return TypedResults.Ok(new ReminderPlanDto(
                plan.Period.Slug, plan.Round?.Deadline, ReminderService.Subject(plan.Period, plan.Round),
                plan.WithEmail.Select(ReminderPersonDto.From).ToList(), plan.WithoutEmail.Select(ReminderPersonDto.From).ToList(),
                SmtpSettings.Read(configuration).IsConfigured));
        });

        api.MapPost("/partnerships/{slug}/periods/{period}/reminders", async Task<IResult> (string slug, string period, PlanReader reader, ReminderService reminders, CurrentUser current, IConfiguration configuration, CancellationToken ct) =>
        {
            if (!ReportingPeriod.TryParse(period, out var p))
            {
                return MonitoringEndpoints.BadPeriod(period);
            }

            if (await reader.PartnershipBySlugAsync(slug, ct) is not { } partnership)
            {
                return ApiErrors.NotFound($"There is no partnership '{slug}'.");
            }

            var user = await current.GetAsync();
            if (PublicUrl(configuration) is not { } publicUrl)
            {
                return Permissions.CanManageRounds(user, partnership.Id)
                    ? ApiErrors.Problem(StatusCodes.Status409Conflict, "The site's public address is not set", NoPublicUrl)
                    : ApiErrors.Problem(StatusCodes.Status403Forbidden, "Not allowed", "Your account may not do this.");
            }

            var result = await reminders.QueueRemindersAsync(partnership.Id, p, user, publicUrl, ct);
            if (!result.Succeeded)
            {
                return ApiErrors.From(result);
            }

            var sent = result.Value!;
            return TypedResults.Ok(new ReminderResultDto(
                sent.Period.Slug, sent.EmailedCount, sent.Emailed.Select(QueuedReminderDto.From).ToList(),
                sent.SkippedNoEmail.Select(ReminderPersonDto.From).ToList(), SmtpSettings.Read(configuration).IsConfigured));
        });

        api.MapGet("/partnerships/{slug}/periods/{period}/update-links", async Task<IResult> (string slug, string period, PlanReader reader, UpdateLinkService links, CurrentUser current, CancellationToken ct) =>
        {
            if (!ReportingPeriod.TryParse(period, out var p))
            {
                return MonitoringEndpoints.BadPeriod(period);
            }

            if (await reader.PartnershipBySlugAsync(slug, ct) is not { } partnership)
            {
                return ApiErrors.NotFound($"There is no partnership '{slug}'.");
            }

            var result = await links.LinksAsync(partnership.Id, p, await current.GetAsync(), ct);
            return result.Succeeded
                ? TypedResults.Ok(result.Value!.Select(l => UpdateLinkDto.From(l.Link, l.Person.Name)).ToList())
                : ApiErrors.From(result);
        });

        api.MapPost("/update-links/{id:int}/revoke", async Task<IResult> (int id, UpdateLinkService links, CurrentUser current, CancellationToken ct) =>
        {
            var result = await links.RevokeAsync(id, await current.GetAsync(), ct);
            return result.Succeeded
                ? TypedResults.Ok(new { result.Value!.Id, result.Value.RevokedAt })
                : ApiErrors.From(result);
        });
    }

    /// <summary>
    /// Where the e-mailed links point: <c>SaferPlan:PublicUrl</c>, or null when it is not set. Never the request's own
    /// address: its Host header is whatever the sender wrote, and a link built from it could send people to another site.
    /// </summary>
    public static string? PublicUrl(IConfiguration configuration)
    {
        var configured = configuration["SaferPlan:PublicUrl"];
        return string.IsNullOrWhiteSpace(configured) ? null : configured.Trim().TrimEnd('/');
    }

    public const string NoPublicUrl =
        "Reminders cannot be sent until the site's public address is set: whoever runs SaferPlan sets SaferPlan:PublicUrl (for example https://saferplan.example.org), which the e-mailed links start with.";
}
