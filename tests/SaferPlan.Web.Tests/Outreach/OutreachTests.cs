using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Auditing;
using SaferPlan.Core.Data;
using SaferPlan.Core.Editing;
using SaferPlan.Core.Monitoring;
using SaferPlan.Core.Periods;
using SaferPlan.Core.Plans;
using SaferPlan.TestCommon;
using SaferPlan.Web.Tests.Monitoring;
using static SaferPlan.Web.Tests.Plans.PlanApi;

namespace SaferPlan.Web.Tests.Outreach;

/// <summary>
/// Chasing the quarter's updates by e-mail: reminders reach a real SMTP server, each with a personal link that opens the
/// person's update form with no password, saves as that person, reaches only their milestones in that quarter, and stops
/// working when revoked or expired; the outbox keeps and retries what a mail server that is down could not take.
/// </summary>
public abstract partial class OutreachTests(OutreachFactory app)
{
    private const string Slug = "south-cambridgeshire";
    private const string Q4 = "2010-11-q4";
    private const string Subject = "Your updates for 2010/11 Q4 are due by 8 April 2011";
    private static readonly TimeSpan MailWait = TimeSpan.FromSeconds(60);
    private static readonly ReportingPeriod Quarter4 = ReportingPeriod.Parse(Q4);

    /// <summary>The personal link in a reminder's plain-text body (the HTML body is read with the parser).</summary>
    [GeneratedRegex(@"https?://[^\s""<>]+/u/ul_[A-Za-z0-9_\-]+")]
    private static partial Regex LinkInMail();

    /// <summary>
    /// Revokes the quarter's live update links, as a support officer can on the update links page, so the next send reminds
    /// everyone again: a person reminded within a day is not reminded again while their link is live.
    /// </summary>
    private Task ForgetRemindersAsync(ReportingPeriod quarter) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Set<UpdateLink>()
            .Where(l => l.Period == quarter && l.RevokedAt == null).ExecuteUpdateAsync(u => u.SetProperty(l => l.RevokedAt, app.Clock.GetUtcNow())));

    [Fact]
    public async Task Reminders_SentTwiceInADay_RemindEachPersonOnce_UntilTheirLinkIsRevoked()
    {
        using var support = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.SupportOfficer));
        await ForgetRemindersAsync(Quarter4);
        var first = await OkJsonAsync<ReminderResultJson>(await support.PostAsync($"/api/partnerships/{Slug}/periods/{Q4}/reminders", null));
        var second = await OkJsonAsync<ReminderResultJson>(await support.PostAsync($"/api/partnerships/{Slug}/periods/{Q4}/reminders", null));
        var plan = await OkJsonAsync<ReminderPlanJson>(await support.GetAsync($"/api/partnerships/{Slug}/periods/{Q4}/reminders"));

        Assert.Contains(first.Recipients, r => r.Name == "Dave Sargent");
        Assert.Equal(0, second.Emailed);
        Assert.Equal(first.Recipients.Select(r => r.Name).Order(), second.SkippedRecentlyReminded.Select(r => r.Name).Order());
        Assert.Empty(plan.WithEmail);
        var dave = Assert.Single(plan.RecentlyReminded, r => r.Name == "Dave Sargent");
        Assert.True(dave.RemindedAt <= app.Clock.GetUtcNow() && dave.RemindedAt > app.Clock.GetUtcNow().AddMinutes(-10), $"{dave.RemindedAt}");
        using (var officer = await Forms.SignedInAsync(app, PartnershipRole.SupportOfficer))
        {
            var page = TestHtml.Parse(await Forms.PageAsync(officer, $"/partnerships/{Slug}/periods/{Q4}/completeness"));
            Assert.Contains("Dave Sargent (", TestHtml.SpacedText(page.QuerySelector("[data-recently-reminded]")!), StringComparison.Ordinal);
            Assert.DoesNotContain(page.QuerySelectorAll("button"), b => b.TextContent.Contains("Send reminders", StringComparison.Ordinal));
        }

        // A revoked link (a reminder sent in error, say) no longer counts: the person can be reminded again.
        var daveLink = first.Recipients.Single(r => r.Name == "Dave Sargent").LinkId;
        await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Set<UpdateLink>()
            .Where(l => l.Id == daveLink).ExecuteUpdateAsync(u => u.SetProperty(l => l.RevokedAt, app.Clock.GetUtcNow())));
        var third = await OkJsonAsync<ReminderResultJson>(await support.PostAsync($"/api/partnerships/{Slug}/periods/{Q4}/reminders", null));
        Assert.Equal(["Dave Sargent"], third.Recipients.Select(r => r.Name));
    }

    [Fact]
    public async Task Reminders_ArriveWithPersonalLinks_ThatSaveTheUpdateAsThePerson()
    {
        using var support = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.SupportOfficer));
        await ForgetRemindersAsync(Quarter4);
        var milestoneId = await MilestoneIdAsync("1.1d");
        var lastQuarter = $"Q3 progress to start from {Guid.NewGuid():N}";
        using (var q3 = await support.PutAsJsonAsync($"/api/milestones/{milestoneId}/updates/2010-11-q3", new { progress = lastQuarter, status = "OnTrack", version = 0 }))
        {
            Assert.True(q3.IsSuccessStatusCode, $"Writing last quarter's update: {(int)q3.StatusCode} {await q3.Content.ReadAsStringAsync()}");
        }

        var before = app.Smtp.Snapshot();
        var result = await OkJsonAsync<ReminderResultJson>(await support.PostAsync($"/api/partnerships/{Slug}/periods/{Q4}/reminders", null));
        var recipients = result.Recipients;
        Assert.Equal(recipients.Count, result.Emailed);
        Assert.True(result.EmailConfigured);
        Assert.Empty(result.SkippedNoEmail);
        var dave = Assert.Single(recipients, r => r.Name == "Dave Sargent");
        Assert.Contains("1.1d", dave.Milestones);
        Assert.Contains(recipients, r => r.Name == "Jenny Jolley");
        var addresses = recipients.Select(r => r.Email).ToList();

        var mail = await app.Smtp.WaitForAsync(
            messages => addresses.All(a => messages.Any(m => To(m) == a)), MailWait, before);
        foreach (var address in addresses)
        {
            var message = mail.Last(m => To(m) == address);
            Assert.Equal(Subject, message.Subject);
            Assert.EndsWith("@example.org", address, StringComparison.Ordinal);
            Assert.Matches(LinkInMail(), message.TextBody);
            var personal = LinkInMail().Match(message.TextBody ?? "").Value;
            Assert.StartsWith(app.ServerAddress.ToString(), personal, StringComparison.Ordinal);
            Assert.Contains(personal, TestHtml.Hrefs(TestHtml.Parse(message.HtmlBody ?? "")));
            Assert.DoesNotContain("password", message.TextBody, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("password", message.HtmlBody, StringComparison.OrdinalIgnoreCase);
        }

        var daveMail = mail.Last(m => To(m) == "dave.sargent@example.org");
        Assert.Contains("1.1d", daveMail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("2.1b", daveMail.TextBody, StringComparison.Ordinal);
        var link = new Uri(LinkInMail().Match(daveMail.TextBody ?? "").Value);

        // Opening the link: Dave's form for 2010/11 Q4, last quarter's progress to start from.
        using var browser = new PageSession(app.ServerAddress);
        var (page, html) = await browser.PageAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page);
        Assert.Contains("Your updates for 2010/11 Q4, due by 8 April 2011", html, StringComparison.Ordinal);
        Assert.Contains("Progress on 1.1d this quarter", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Progress on 2.1b this quarter", html, StringComparison.Ordinal);
        Assert.Contains("Last quarter (2010/11 Q3)", html, StringComparison.Ordinal);
        Assert.Equal(lastQuarter, TestHtml.Parse(html).QuerySelector($"textarea[name=\"Updates[{milestoneId}].Progress\"]")?.TextContent);

        // Submitting this quarter's progress for one milestone.
        var progress = $"Q4 progress sent through the e-mailed link {Guid.NewGuid():N}";
        var (status, location, after) = await PostFormAsync(browser, link.PathAndQuery, html, milestoneId, progress, "OnTrack");
        Assert.True(status == HttpStatusCode.Redirect, $"POST {link.PathAndQuery}: {(int)status} {after}");
        Assert.Equal($"{link.AbsolutePath}#main-content", location);
        (_, after) = await browser.PageAsync(location!);

        Assert.Contains("Your update for 1.1d has been submitted", after, StringComparison.Ordinal);

        var update = await OkJsonAsync<MilestoneUpdateJson>(await support.GetAsync($"/api/milestones/{milestoneId}/updates/{Q4}"));
        Assert.Equal(progress, update.Progress);
        Assert.Equal("Dave Sargent (e-mailed link)", update.Author);
        Assert.Equal("Submitted", update.State);
        Assert.Equal("OnTrack", update.Status);

        var history = await HistoryAsync(nameof(MilestoneUpdate), update.Id);
        Assert.Equal("Dave Sargent (e-mailed link)", history[0].Actor);
        Assert.Equal(AuditAction.Created, history[0].Action);
        var linkId = dave.LinkId;
        var linkHistory = await HistoryAsync(nameof(UpdateLink), linkId);
        Assert.Contains(linkHistory, a => a.Action == AuditAction.Updated && a.Actor == "Dave Sargent (e-mailed link)" && a.Changes.Any(c => c.Field == nameof(UpdateLink.LastUsedAt)));
        Assert.Contains(linkHistory, a => a.Action == AuditAction.Created && a.Actor.StartsWith("supportofficer-", StringComparison.Ordinal));
        Assert.DoesNotContain(linkHistory.SelectMany(a => a.Changes), c => c.New?.Contains(link.Segments[^1], StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Link_CannotUpdateAMilestoneThePersonDoesNotLead_NorAnotherQuarter()
    {
        using var support = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.SupportOfficer));
        var token = await CreateLinkAsync("jenny-jolley", TimeSpan.FromDays(7));
        var daves = await MilestoneIdAsync("1.4c");
        var jennys = await MilestoneIdAsync("2.1b");

        using var browser = new PageSession(app.ServerAddress);
        var (status, html) = await browser.PageAsync($"/u/{token}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Progress on 2.1b this quarter", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Progress on 1.4c this quarter", html, StringComparison.Ordinal);

        // Posting Jenny's form with the id of a milestone Dave leads is refused, and nothing is saved.
        var (refused, _, page) = await PostFormAsync(browser, $"/u/{token}", html, daves, "Not Jenny's to write", "OnTrack");
        Assert.Equal(HttpStatusCode.Forbidden, refused);
        Assert.Contains("There is a problem", page, StringComparison.Ordinal);
        Assert.Contains("Nothing has been saved", page, StringComparison.Ordinal);
        using (var none = await support.GetAsync($"/api/milestones/{daves}/updates/{Q4}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        }

        // A missing status is a field error on that milestone's form, with the summary linking to it.
        var (invalid, _, errors) = await PostFormAsync(browser, $"/u/{token}", html, jennys, "Progress but no status", null);
        Assert.Equal(HttpStatusCode.OK, invalid);
        Assert.Contains($"href=\"#Updates-{jennys}--Status\"", errors, StringComparison.Ordinal);
        Assert.Contains("2.1b: select the milestone&#x27;s status", errors, StringComparison.Ordinal);

        // The link's person reaches only the link's quarter, whatever is asked of the services.
        await app.WithScopeAsync(async sp =>
        {
            var opened = await sp.GetRequiredService<UpdateLinkService>().ResolveAsync(token);
            Assert.True(opened.Succeeded);
            var user = opened.Opened!.User;
            var updates = sp.GetRequiredService<UpdateService>();
            var otherQuarter = await updates.SaveAsync(jennys, Quarter4.Previous, new UpdateInput { Progress = "Another quarter", Status = UpdateStatus.OnTrack }, 0, user);
            Assert.Equal(EditStatus.Forbidden, otherQuarter.Status);
            var notHers = await updates.SaveAsync(daves, Quarter4, new UpdateInput { Progress = "Not hers", Status = UpdateStatus.OnTrack }, 0, user);
            Assert.Equal(EditStatus.Forbidden, notHers.Status);
            return 0;
        });
        using (var q3 = await support.GetAsync($"/api/milestones/{jennys}/updates/2010-11-q3"))
        {
            Assert.Equal(HttpStatusCode.NotFound, q3.StatusCode);
        }

        // Nor is the link a key to the API.
        using var api = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = app.ServerAddress });
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var put = await api.PutAsJsonAsync($"/api/milestones/{jennys}/updates/2010-11-q3", new { progress = "Through the API", status = "OnTrack", version = 0 });
        Assert.Equal(HttpStatusCode.Unauthorized, put.StatusCode);
    }

    [Fact]
    public async Task RevokedExpiredAndUnknownLinks_SayTheLinkDoesNotWork()
    {
        using var support = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.SupportOfficer));
        using var board = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.BoardMember));
        using var browser = new PageSession(app.ServerAddress);

        var revoked = await CreateLinkAsync("jenny-jolley", TimeSpan.FromDays(7));
        Assert.Equal(HttpStatusCode.OK, (await browser.PageAsync($"/u/{revoked}")).Status);
        var links = await OkJsonAsync<List<UpdateLinkJson>>(await support.GetAsync($"/api/partnerships/{Slug}/periods/{Q4}/update-links"));
        var listed = links.First(l => l.Person == "Jenny Jolley");
        Assert.NotNull(listed.LastUsedAt);
        var id = listed.Id;
        using (var refused = await board.PostAsync($"/api/update-links/{id}/revoke", null))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await browser.PageAsync($"/u/{revoked}")).Status);
        using (var revoke = await support.PostAsync($"/api/update-links/{id}/revoke", null))
        {
            Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        }

        var (gone, page) = await browser.PageAsync($"/u/{revoked}");
        Assert.Equal(HttpStatusCode.Gone, gone);
        Assert.Contains("This link no longer works", page, StringComparison.Ordinal);
        Assert.Contains("cancelled", page, StringComparison.Ordinal);
        Assert.Contains("support officer", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Submit update", page, StringComparison.Ordinal);

        var expiring = await CreateLinkAsync("jenny-jolley", TimeSpan.FromMilliseconds(400));
        app.Clock.Advance(TimeSpan.FromMilliseconds(600));
        var (expired, expiredPage) = await browser.PageAsync($"/u/{expiring}");
        Assert.Equal(HttpStatusCode.Gone, expired);
        Assert.Contains("This link no longer works", expiredPage, StringComparison.Ordinal);
        Assert.Contains("expired on 1 April 2011", expiredPage, StringComparison.Ordinal);

        using (var headers = await browser.Client.GetAsync($"/u/{expiring}"))
        {
            Assert.Equal("no-referrer", headers.Headers.GetValues("Referrer-Policy").Single());
            Assert.True(headers.Headers.CacheControl?.NoStore, "The page of a link is never cached");
        }

        var (unknown, unknownPage) = await browser.PageAsync("/u/ul_thisisnotalinkthatwaseversent");
        Assert.Equal(HttpStatusCode.NotFound, unknown);
        Assert.Contains("This link does not work", unknownPage, StringComparison.Ordinal);
        Assert.Contains("support officer", unknownPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reminders_AreForSupportOfficers_AndSkipPeopleWithNoEmailAddress()
    {
        using var board = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.BoardMember));
        using (var refused = await board.PostAsync($"/api/partnerships/{Slug}/periods/{Q4}/reminders", null))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }

        using var lead = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.LeadOfficer, "dave-sargent"));
        using (var refused = await lead.PostAsync($"/api/partnerships/{Slug}/periods/{Q4}/reminders", null))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using var anonymous = await app.ApiClientAsync();
        using (var refused = await anonymous.PostAsync($"/api/partnerships/{Slug}/periods/{Q4}/reminders", null))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using var support = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.SupportOfficer));
        await SetEmailAsync("jenny-jolley", null);
        try
        {
            var before = app.Smtp.Snapshot();
            await ForgetRemindersAsync(Quarter4);
            var result = await OkJsonAsync<ReminderResultJson>(await support.PostAsync($"/api/partnerships/{Slug}/periods/{Q4}/reminders", null));
            var skipped = Assert.Single(result.SkippedNoEmail);
            Assert.Equal("Jenny Jolley", skipped.Name);
            Assert.Contains("2.1b", skipped.Milestones);
            Assert.DoesNotContain(result.Recipients, r => r.Name == "Jenny Jolley");
            var emailed = result.Emailed;
            Assert.True(emailed >= 1);
            await app.Smtp.WaitForAsync(messages => messages.Count(m => m.Subject == Subject) >= emailed, MailWait, before);
        }
        finally
        {
            await SetEmailAsync("jenny-jolley", "jenny.jolley@example.org");
        }
    }

    [Fact]
    public async Task Reminders_LeaveOutMilestoneText_RestrictedThroughItsActionOrPriority()
    {
        // 1.1d is Official but its action is made Restricted; 2.1b is Official but its priority is made Restricted.
        var underAction = $"Milestone under a restricted action {Guid.NewGuid():N}";
        var underPriority = $"Milestone under a restricted priority {Guid.NewGuid():N}";
        var restore = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SaferPlanDbContext>();
            var d = await EditionMilestoneAsync(db, "1.1d");
            var b = await EditionMilestoneAsync(db, "2.1b");
            var old = (DText: d.Text, DMarking: d.Marking, d.Action.Marking, BText: b.Text, BMarking: b.Marking, BActionMarking: b.Action.Marking, PriorityMarking: b.Action.Priority.Marking);
            d.Text = underAction;
            d.Marking = ProtectiveMarking.Official;
            d.Action.Marking = ProtectiveMarking.Restricted;
            b.Text = underPriority;
            b.Marking = ProtectiveMarking.Official;
            b.Action.Marking = ProtectiveMarking.Official;
            b.Action.Priority.Marking = ProtectiveMarking.Restricted;
            db.AuditPartnershipId = d.Action.Priority.Edition!.Plan.PartnershipId;
            await db.SaveChangesAsync();
            return old;
        });
        try
        {
            using var support = await app.ApiClientAsync(await app.AddUserAsync(PartnershipRole.SupportOfficer));
            var since = await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Set<OutboxMessage>().MaxAsync(m => (long?)m.Id)) ?? 0;

            // A quarter nobody has reported on, so both milestones are still outstanding.
            await ForgetRemindersAsync(ReportingPeriod.Parse("2010-11-q2"));
            using var response = await support.PostAsync($"/api/partnerships/{Slug}/periods/2010-11-q2/reminders", null);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST reminders: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");

            var queued = await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Set<OutboxMessage>().AsNoTracking()
                .Where(m => m.Id > since).ToListAsync());
            var dave = Assert.Single(queued, m => m.To == "dave.sargent@example.org");
            var jenny = Assert.Single(queued, m => m.To == "jenny.jolley@example.org");
            Assert.Contains("1.1d (restricted: open the link to read it)", dave.TextBody, StringComparison.Ordinal);
            Assert.Contains("2.1b (restricted: open the link to read it)", jenny.TextBody, StringComparison.Ordinal);
            foreach (var message in queued)
            {
                foreach (var body in new[] { message.TextBody, message.HtmlBody ?? "" })
                {
                    Assert.DoesNotContain(underAction, body, StringComparison.Ordinal);
                    Assert.DoesNotContain(underPriority, body, StringComparison.Ordinal);
                }
            }
        }
        finally
        {
            await app.WithScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<SaferPlanDbContext>();
                var d = await EditionMilestoneAsync(db, "1.1d");
                var b = await EditionMilestoneAsync(db, "2.1b");
                d.Text = restore.DText;
                d.Marking = restore.DMarking;
                d.Action.Marking = restore.Marking;
                b.Text = restore.BText;
                b.Marking = restore.BMarking;
                b.Action.Marking = restore.BActionMarking;
                b.Action.Priority.Marking = restore.PriorityMarking;
                db.AuditPartnershipId = d.Action.Priority.Edition!.Plan.PartnershipId;
                return await db.SaveChangesAsync();
            });
        }
    }

    private static Task<Milestone> EditionMilestoneAsync(SaferPlanDbContext db, string code) =>
        db.Milestones.Include(m => m.Action!).ThenInclude(a => a.Priority!).ThenInclude(p => p.Edition!).ThenInclude(e => e.Plan)
            .SingleAsync(m => m.Code == code && m.Action.Priority!.Edition.YearStart == 2010 && m.Action.Priority.Edition.Plan.Partnership!.Slug == Slug);

    [Fact]
    public async Task MailServerDown_LeavesTheMessageWaitingWithTheError_ThenSendsItWhenTheServerIsBack()
    {
        var subject = $"Outbox test {Guid.NewGuid():N}";
        app.Smtp.Stop();
        long id;
        try
        {
            id = await app.WithScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<SaferPlanDbContext>();
                var now = app.Clock.GetUtcNow();
                var message = new OutboxMessage { To = "outbox.test@example.org", Subject = subject, TextBody = "Waiting for the mail server.", CreatedAt = now, NextAttemptAt = now };
                db.Add(message);
                await db.SaveChangesAsync();
                return message.Id;
            });

            var failed = await app.WaitForOutboxAsync(id, m => m.Attempts >= 1 && m.LastError is not null, "a failed attempt");
            Assert.Null(failed.SentAt);
            Assert.Contains($"127.0.0.1:{app.Smtp.Port}", failed.LastError, StringComparison.Ordinal);
            Assert.Null(failed.ClaimedUntil);
            Assert.True(failed.NextAttemptAt > app.Clock.GetUtcNow().AddSeconds(30), "The next attempt waits about a minute");
        }
        finally
        {
            await app.Smtp.StartAsync();
        }

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var sent = await app.WaitForOutboxAsync(id, m => m.SentAt is not null, "the message to be sent");
        Assert.True(sent.Attempts >= 2);
        var delivered = await app.Smtp.WaitForAsync(messages => messages.Any(m => m.Subject == subject), MailWait);
        Assert.Equal("outbox.test@example.org", To(delivered.Single(m => m.Subject == subject)));
    }

    [Fact]
    public async Task TwoSendersOverOneDatabase_SendEachMessageOnce()
    {
        var prefix = $"Race {Guid.NewGuid():N}";
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SaferPlanDbContext>();
            var now = app.Clock.GetUtcNow();
            for (var i = 0; i < 12; i++)
            {
                db.Add(new OutboxMessage { To = $"race{i}@example.org", Subject = $"{prefix} {i}", TextBody = "Sent once only.", CreatedAt = now, NextAttemptAt = now });
            }

            return await db.SaveChangesAsync();
        });

        // Two more senders, as if two more web servers, racing each other and the app's own sender for the same messages.
        var settings = SmtpSettings.Read(app.Services.GetRequiredService<IConfiguration>());
        using var first = new OutboxSender(app.Services.GetRequiredService<IServiceScopeFactory>(), app.Services.GetRequiredService<IConfiguration>(), app.Clock, NullLogger<OutboxSender>.Instance);
        using var second = new OutboxSender(app.Services.GetRequiredService<IServiceScopeFactory>(), app.Services.GetRequiredService<IConfiguration>(), app.Clock, NullLogger<OutboxSender>.Instance);
        Assert.NotEqual(first.Instance, second.Instance);
        await Task.WhenAll(first.SendDueAsync(settings), second.SendDueAsync(settings), first.SendDueAsync(settings), second.SendDueAsync(settings));

        await app.Smtp.WaitForAsync(messages => messages.Count(m => m.Subject?.StartsWith(prefix, StringComparison.Ordinal) == true) >= 12, MailWait);

        // The two senders here have finished; once the app's own sender has finished every pass that began before now, no
        // more copies can come: any message sent twice is in the maildir twice.
        await app.OutboxPassAsync();
        var delivered = app.Smtp.Messages().Select(m => m.Message.Subject).Where(subject => subject?.StartsWith(prefix, StringComparison.Ordinal) == true).ToList();
        Assert.Equal(12, delivered.Count);
        Assert.Equal(12, delivered.Distinct(StringComparer.Ordinal).Count());
        var rows = await app.WithScopeAsync(sp => sp.GetRequiredService<SaferPlanDbContext>().Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.Subject.StartsWith(prefix)).ToListAsync());
        Assert.All(rows, m => Assert.NotNull(m.SentAt));
        Assert.All(rows, m => Assert.Equal(1, m.Attempts));
    }

    private static string? To(MimeMessage message) => message.To.Mailboxes.FirstOrDefault()?.Address;

    /// <summary>Posts one milestone's boxes from the page (as if the page showed no other), with the page's antiforgery token (its cookie is in the client).</summary>
    private static async Task<FormAnswer> PostFormAsync(PageSession browser, string path, string pageHtml, int milestoneId, string progress, string? status)
    {
        var page = TestHtml.Parse(pageHtml);
        var version = TestHtml.Value(page, $"Updates[{milestoneId}].Version");
        var fields = new Dictionary<string, string>
        {
            [$"Updates[{milestoneId}].Version"] = version is { Length: > 0 } && version.All(char.IsAsciiDigit) ? version : "0",
            [$"Updates[{milestoneId}].Progress"] = progress,
        };

        // The marking as a browser sends it: the radio the page has checked (an update left without one is refused).
        if (page.QuerySelector($"input[name=\"Updates[{milestoneId}].Marking\"][checked]")?.GetAttribute("value") is { } marking)
        {
            fields[$"Updates[{milestoneId}].Marking"] = marking;
        }
        if (status is not null)
        {
            fields[$"Updates[{milestoneId}].Status"] = status;
        }

        return await browser.SubmitAsync(path, fields, pageHtml);
    }

    private Task<int> MilestoneIdAsync(string code) => app.WithScopeAsync(sp =>
        sp.GetRequiredService<SaferPlanDbContext>().Milestones
            .Where(m => m.Code == code && m.Action.Priority!.Edition.YearStart == 2010 && m.Action.Priority.Edition.Plan.Partnership!.Slug == Slug)
            .Select(m => m.Id).SingleAsync());

    private async Task<string> CreateLinkAsync(string personKey, TimeSpan lifetime)
    {
        var personId = await app.PersonIdAsync(personKey);
        return await app.WithScopeAsync(async sp =>
        {
            var partnershipId = await sp.GetRequiredService<SaferPlanDbContext>().Partnerships.Where(p => p.Slug == Slug).Select(p => p.Id).SingleAsync();
            return await sp.GetRequiredService<UpdateLinkService>().CreateAsync(partnershipId, personId, Quarter4, "outreach test", lifetime);
        });
    }

    private Task<int> SetEmailAsync(string personKey, string? email) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<SaferPlanDbContext>();
        var person = await db.People.SingleAsync(p => p.Key == personKey);
        person.Email = email;
        db.AuditPartnershipId = person.PartnershipId;
        return await db.SaveChangesAsync();
    });

    private Task<IReadOnlyList<AuditRecord>> HistoryAsync(string entity, int id) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<AuditReader>().HistoryAsync(entity, id));
}

public sealed class OutreachTestsOnSqlite(OutreachSqliteFactory app) : OutreachTests(app), IClassFixture<OutreachSqliteFactory>;

public sealed class OutreachTestsOnPostgres(OutreachPostgresFactory app) : OutreachTests(app), IClassFixture<OutreachPostgresFactory>;
