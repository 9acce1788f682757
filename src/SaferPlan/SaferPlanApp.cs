using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using SaferPlan.Auditing;
using SaferPlan.Core.Auditing;
using SaferPlan.Core.Crime.Assessment;
using SaferPlan.Core.Demo;
using SaferPlan.Core.Documents;
using SaferPlan.Crime;
using SaferPlan.Documents;
using SaferPlan.Monitoring;
using SaferPlan.Monitoring.Dashboards;
using SaferPlan.Monitoring.UpdateLinks;
using SaferPlan.Plans;
using SaferPlan.Security;

namespace SaferPlan;

/// <summary>Builds the one SaferPlan application used by the web server and the command line.</summary>
public static class SaferPlanApp
{
    /// <summary>Where the server listens when neither the command line nor the environment says.</summary>
    public const string DefaultUrl = "http://localhost:5080";

    private static readonly string[] AddressSettings = ["urls", "http_ports", "https_ports"];

    /// <summary>
    /// As in every ASP.NET Core app, <c>--urls</c>, <c>URLS</c>, <c>ASPNETCORE_URLS</c>, <c>ASPNETCORE_HTTP_PORTS</c> and
    /// Kestrel endpoints in configuration choose the address; only when none is given does SaferPlan use its default. (A
    /// <c>Urls</c> in appsettings.json would override the environment's, so a second instance or a container could not move.)
    /// </summary>
    private static void ListenOnDefaultUrlUnlessTold(WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (AddressSettings.All(key => string.IsNullOrWhiteSpace(configuration[key]))
            && !configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
    }

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var app = BuildServices(args, configure);
        UsePipeline(app);
        MapEndpoints(app);
        return app;
    }

    /// <summary>
    /// The application with its services and settings but no request pipeline or endpoints: what a command-line verb
    /// needs. Mapping the pages and the API is about half a second of a verb's start-up, spent for nothing.
    /// </summary>
    public static WebApplication BuildServices(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        ListenOnDefaultUrlUnlessTold(builder);
        var services = builder.Services;
        AddDataServices(services);
        AddSecurityServices(services);
        AddFeatureServices(services, builder.Configuration);
        AddWebServices(services);

        return builder.Build();
    }

    /// <summary>The database (provider chosen from configuration when first needed), the clock, who is acting, and data protection keys.</summary>
    private static void AddDataServices(IServiceCollection services)
    {
        // Read when first needed, so settings from tests and the command line all apply.
        services.AddSingleton(sp =>
        {
            var configuration = sp.GetRequiredService<IConfiguration>();
            return DatabaseSettings.From(configuration["SaferPlan:Database:Provider"], configuration.GetConnectionString("SaferPlan"));
        });
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddSingleton<IHttpContextFactory, UpdateLinkRedactingHttpContextFactory>();
        services.AddScoped<IActorAccessor, HttpActorAccessor>();
        // Options built once, not per request: configuring them per scope parsed the connection string, made sure the
        // SQLite folder exists (a file system call) and rebuilt the provider's options on every request.
        services.AddDbContext<SaferPlanDbContext>(
            (sp, options) => CompiledModels.Configure(sp.GetRequiredService<DatabaseSettings>(), options),
            contextLifetime: ServiceLifetime.Scoped, optionsLifetime: ServiceLifetime.Singleton);
        services.AddHostedService<DatabaseStartup>();
        services.AddDataProtection().SetApplicationName("SaferPlan").PersistKeysToDbContext<SaferPlanDbContext>();
    }

    /// <summary>Accounts and passwords, the cookie for pages and bearer tokens for the API, security headers and rate limits.</summary>
    private static void AddSecurityServices(IServiceCollection services)
    {
        services.AddIdentityCore<User>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddEntityFrameworkStores<SaferPlanDbContext>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = AuthSchemes.Smart;
                o.DefaultChallengeScheme = AuthSchemes.Smart;
            })
            .AddPolicyScheme(AuthSchemes.Smart, "Cookie for pages, bearer token for the API", o =>
                o.ForwardDefaultSelector = context => context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                    ? AuthSchemes.ApiToken
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(AuthSchemes.ApiToken, null)
            .AddIdentityCookies(o => o.ApplicationCookie?.Configure(c =>
            {
                c.LoginPath = "/account/sign-in";
                c.LogoutPath = "/account/sign-out";
                c.AccessDeniedPath = "/account/access-denied";
                c.Cookie.Name = "saferplan";
                c.Cookie.HttpOnly = true;
                c.Cookie.SameSite = SameSiteMode.Lax;
                c.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                c.Events.OnValidatePrincipal = Sessions.ValidateAsync;
                c.SlidingExpiration = true;
                c.ExpireTimeSpan = TimeSpan.FromHours(8);
            }));
        services.AddAuthorization();
        services.AddSaferPlanWebSecurity();
        services.AddSaferPlanRateLimits();
    }

    /// <summary>Every feature's services, caches and background senders.</summary>
    private static void AddFeatureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<AccountService>();
        services.AddScoped<InvitationService>();
        services.AddScoped<DemoTryOut>();
        services.AddScoped<SaferPlan.Core.Partnerships.PeopleService>();
        services.AddScoped<SaferPlan.Core.Partnerships.BodyService>();
        services.AddScoped<SaferPlan.Core.Partnerships.PartnershipService>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<PlanReader>();
        services.AddScoped<PlanEditor>();
        services.AddScoped<EditionService>();
        services.AddScoped<SaferPlan.Core.Funding.FundingService>();
        services.AddScoped<ConsultationService>();
        services.AddScoped<RefreshChangeService>();
        services.AddScoped<NextEditionService>();
        services.AddScoped<RefreshTimelineService>();
        services.AddScoped<EditionComparer>();
        services.AddScoped<AuditReader>();
        // The demo's synthetic recorded crime can be left out (SaferPlan:LoadDemoCrime=false), as most tests do.
        services.AddScoped<DemoCrime>();
        services.AddScoped(sp => new DemoLoader(
            sp.GetRequiredService<SaferPlanDbContext>(),
            sp.GetRequiredService<DemoCrime>(),
            configuration.GetValue("SaferPlan:LoadDemoCrime", true) ? sp.GetRequiredService<SaferPlan.Core.Crime.CrimeImporter>() : null));
        services.AddScoped<SaferPlan.Core.Crime.CrimeImporter>();
        services.AddScoped<BoardReportBuilder>();
        services.AddScoped<MilestoneMonitoringBuilder>();
        services.AddScoped<PlanDocumentBuilder>();
        services.AddScoped<PlanUpdateBuilder>();
        services.AddScoped<RefreshReportBuilder>();
        services.AddScoped<UpdateService>();
        services.AddScoped<PublicationService>();
        services.AddScoped<BoardMeetingService>();
        services.AddScoped<DashboardService>();
        services.AddSingleton<DashboardCache>();
        services.Configure<DashboardCacheOptions>(configuration.GetSection("SaferPlan:DashboardCache"));
        services.AddSingleton<SaferPlan.Caching.ChangeStampCache>();
        services.AddSingleton<SaferPlan.Funding.FundingPlanCache>();
        services.Configure<SaferPlan.Caching.ChangeStampCacheOptions>(configuration.GetSection("SaferPlan:ChangeStampCache"));
        services.AddScoped<TaskGroupReportService>();
        services.AddScoped<BodyActionPlanService>();
        services.AddScoped<UpdateLinkActor>();
        services.AddScoped<UpdateLinkService>();
        services.AddScoped<ReminderService>();
        services.AddScoped<SaferPlan.Core.Indicators.IndicatorReader>();
        services.AddScoped<SaferPlan.Core.Indicators.IndicatorEditor>();
        services.AddScoped<SaferPlan.Core.Statistics.IndicatorSpcService>();
        services.AddScoped<OutboxReader>();
        services.AddHostedService<OutboxSender>();
        services.AddScoped<SaferPlan.Core.Meetings.MeetingReader>();
        services.AddScoped<SaferPlan.Core.Meetings.MeetingEditor>();
        services.AddScoped<SaferPlan.Core.Meetings.StatutoryYearService>();
        services.AddScoped<SaferPlan.Core.Meetings.CalendarFeedService>();
        services.AddHostedService<SaferPlan.Meetings.DutyReminderSender>();
        services.AddMemoryCache();
        services.AddSingleton(sp => new CrimeCache(
            Math.Max(1, sp.GetRequiredService<IConfiguration>().GetValue("SaferPlan:CrimeCache:SizeLimitMegabytes", CrimeCache.DefaultSizeLimit >> 20)) << 20));
        services.AddSingleton<Uploads.UploadLimits>();
        // Every body is held to a few megabytes unless its endpoint, having checked who is sending it, allows more.
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = Uploads.UploadLimits.OtherBytes);
        services.AddScoped<CrimeStatistics>();
        services.AddScoped<CrimeAreaService>();
        services.AddScoped<ComparatorAreaService>();
        services.AddScoped<AreaPopulationService>();
        services.AddScoped<CrimeGroupService>();
        services.AddScoped<DenominatorService>();
        services.AddScoped<StrategicAssessmentBuilder>();
        services.AddScoped<SaferPlan.Core.Crime.Peers.ComparatorDataReader>();
        services.AddScoped<SaferPlan.Core.Crime.Peers.PeerService>();
        services.AddScoped<SaferPlan.Core.Panels.PanelReader>();
        services.AddScoped<SaferPlan.Core.Panels.PanelEditor>();
    }

    /// <summary>Razor Pages with their extra routes, problem details, the OpenAPI document and JSON enums as names.</summary>
    private static void AddWebServices(IServiceCollection services)
    {
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/";
            o.Conventions.ConfigureFilter(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute());
            o.Conventions.AddPageRoute("/Plans/PriorityForm", "/editions/{editionId:int}/priorities/new");
            o.Conventions.AddPageRoute("/Plans/ActionForm", "/priorities/{priorityId:int}/actions/new");
            o.Conventions.AddPageRoute("/Plans/MilestoneForm", "/actions/{actionId:int}/milestones/new");
            o.Conventions.AddPageRoute("/Monitoring/TaskGroupReports/TaskGroupReportForm", "/partnerships/{slug}/periods/{period}/reports/new");
            o.Conventions.AddPageRoute("/Indicators/IndicatorForm", "/partnerships/{slug}/indicators/new");
            o.Conventions.AddPageRoute("/Indicators/ValueForm", "/indicators/{indicatorId:int}/values/new");
            o.Conventions.AddPageRoute("/Indicators/BaselineForm", "/indicators/{indicatorId:int}/baselines/new");
            o.Conventions.AddPageRoute("/Indicators/TargetForm", "/indicators/{indicatorId:int}/targets/new");
            o.Conventions.AddPageRoute("/Monitoring/Briefings/BriefingForm", "/bodies/{key}/briefings/new");
            o.Conventions.AddPageRoute("/Monitoring/BodyActionPlans/ActionPlanForm", "/bodies/{key}/action-plans/new");
            o.Conventions.AddPageRoute("/Monitoring/BodyActionPlans/ItemForm", "/bodies/{key}/action-plans/{planId:int}/items/new");
        });
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOpenApi(ApiDescription.Describe);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
    }

    /// <summary>The middleware, in this order: forwarded and security headers, errors (problem details for the API, the error page otherwise), static files, routing, sign-in, rate limits, periods.</summary>
    private static void UsePipeline(WebApplication app)
    {
        // The web root's file provider starts an inotify watcher the first time a page asks for a file's version
        // (asp-append-version), and the host never disposes it. One process that starts and stops many hosts (the
        // tests) would run out of the user's 128 inotify instances, so the watcher goes when the host stops. The provider is
        // taken now: when a host is disposed without being stopped first, its services are gone by the time this runs.
        var webRoot = app.Environment.WebRootFileProvider;
        app.Lifetime.ApplicationStopped.Register(() => (webRoot as IDisposable)?.Dispose());
        app.UseSaferPlanForwardedHeaders();
        app.UseSaferPlanSecurityHeaders();
        static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions
            {
                StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            });
            api.UseStatusCodePages();
        });
        app.UseWhen(context => !IsApi(context), pages =>
        {
            pages.UseExceptionHandler("/error");
            pages.UseStatusCodePagesWithReExecute("/error/{0}");
        });
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseRoutePeriods();
    }

    /// <summary>The OpenAPI document, the pages, every feature's API and the API's problem-details fallback, which comes last.</summary>
    private static void MapEndpoints(WebApplication app)
    {
        app.MapOpenApi();
        app.MapRazorPages();
        app.MapPlans();
        SaferPlan.Plans.Consultation.ConsultationEndpoints.MapConsultation(app);
        SaferPlan.Plans.Consultation.RefreshChangeEndpoints.MapRefreshChanges(app);
        app.MapDocuments();
        app.MapMonitoring();
        app.MapAudit();
        SaferPlan.Indicators.IndicatorEndpoints.MapIndicators(app);
        SaferPlan.Indicators.SpcEndpoints.MapIndicatorSpc(app);
        app.MapCrime();
        SaferPlan.Panels.PanelEndpoints.MapPanels(app);
        SaferPlan.Meetings.MeetingEndpoints.MapMeetings(app);
        SaferPlan.Funding.FundingEndpoints.MapFunding(app);
        ApiErrors.MapFallback(app);
    }
}
