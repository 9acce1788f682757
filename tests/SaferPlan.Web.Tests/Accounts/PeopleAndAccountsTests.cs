using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Auditing;
using SaferPlan.Core.Data;
using SaferPlan.Core.Demo;
using SaferPlan.Core.Editing;
using SaferPlan.Core.Monitoring;
using SaferPlan.Core.Partnerships;
using SaferPlan.TestCommon;

namespace SaferPlan.Web.Tests.Accounts;

/// <summary>
/// People and accounts in the browser (issue 10, item 4): invitations through the outbox, roles given and taken, people
/// kept by support officers, partnerships created; and the demo ready to try (item 5).
/// </summary>
public abstract partial class PeopleAndAccountsTests(SaferPlanFactory app)
{
    private const string Slug = "south-cambridgeshire";

    [GeneratedRegex(@"/invitations/(?<token>inv_[A-Za-z0-9_\-]+)")]
    private static partial Regex InvitationLink();

    private PageSession Session() => new(app.ServerAddress);

    private async Task<PageSession> SignedInAsync(PartnershipRole role, string? personKey = null)
    {
        var session = Session();
        await session.SignInOrFailAsync(await app.AddUserAsync(role, personKey));
        return session;
    }

    private void SetPublicUrl() => app.Services.GetRequiredService<IConfiguration>()["SaferPlan:PublicUrl"] = app.ServerAddress.ToString();

    private Task<T> DbAsync<T>(Func<SaferPlanDbContext, Task<T>> read) =>
        app.WithScopeAsync(sp => read(sp.GetRequiredService<SaferPlanDbContext>()));

    private static string NewAddress(string who) => $"{who}-{Guid.NewGuid():N}@example.org";

    /// <summary>Invites through the page, as an administrator, and returns the token from the e-mail waiting in the outbox.</summary>
    private async Task<string> InviteAsync(PageSession admin, string email, PartnershipRole role)
    {
        using var sent = await admin.PostFormAsync($"/partnerships/{Slug}/users", $"/partnerships/{Slug}/users?handler=Invite",
            new() { ["InviteEmail"] = email, ["InviteRole"] = role.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var message = await DbAsync(db => db.Set<OutboxMessage>().SingleAsync(m => m.To == email));
        Assert.Null(message.SentAt);
        var match = InvitationLink().Match(message.TextBody);
        Assert.True(match.Success, message.TextBody);
        Assert.Contains($"{app.ServerAddress.ToString().TrimEnd('/')}/invitations/{match.Groups["token"].Value}", message.TextBody, StringComparison.Ordinal);
        return match.Groups["token"].Value;
    }

    private static Dictionary<string, string> Acceptance(string name, string password) =>
        new() { ["DisplayName"] = name, ["Password"] = password, ["ConfirmPassword"] = password };

    [Fact]
    public async Task Invitation_SentThroughOutbox_SetsNameAndPasswordOnce_ThenRefusedAsUsed()
    {
        SetPublicUrl();
        using var admin = await SignedInAsync(PartnershipRole.Administrator);
        var email = NewAddress("support");

        var token = await InviteAsync(admin, email, PartnershipRole.SupportOfficer);

        var stored = await DbAsync(db => db.Set<Invitation>().AsNoTracking().SingleAsync(i => i.Email == email));
        Assert.NotEqual(token, stored.TokenHash);
        Assert.DoesNotContain(token, stored.TokenHash, StringComparison.Ordinal);
        Assert.InRange(stored.ExpiresAt - stored.CreatedAt, TimeSpan.FromDays(6.9), TimeSpan.FromDays(7.1));

        using var person = Session();
        using var form = await person.Client.GetAsync($"/invitations/{token}");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        using var mismatched = await person.PostFormAsync($"/invitations/{token}", $"/invitations/{token}",
            new() { ["DisplayName"] = "Sam Support", ["Password"] = "a long enough password", ["ConfirmPassword"] = "another password entirely" });
        Assert.Equal(HttpStatusCode.OK, mismatched.StatusCode);
        Assert.Contains("Enter the same password twice", await mismatched.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var accepted = await person.PostFormAsync($"/invitations/{token}", $"/invitations/{token}", Acceptance("Sam Support", "a long enough password"));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal("/account/sign-in", accepted.Headers.Location!.OriginalString);

        using var signIn = await person.SignInAsync(email, "a long enough password");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        using var people = await person.Client.GetAsync($"/partnerships/{Slug}/people");
        Assert.Equal(HttpStatusCode.OK, people.StatusCode);

        using var again = Session();
        using var used = await again.Client.GetAsync($"/invitations/{token}");
        Assert.Equal(HttpStatusCode.Gone, used.StatusCode);
        Assert.Contains("already been used", await used.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var reused = await again.PostFormAsync("/account/sign-in", $"/invitations/{token}", Acceptance("Someone Else", "yet another long password"));
        Assert.Equal(HttpStatusCode.Gone, reused.StatusCode);

        var audited = await DbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(Invitation) && a.EntityId == stored.Id).Select(a => a.Action).ToListAsync());
        Assert.Contains(AuditAction.Created, audited);
        Assert.Contains(AuditAction.Updated, audited);
        var user = await DbAsync(db => db.Users.Include(u => u.Memberships).SingleAsync(u => u.Email == email));
        Assert.Equal("Sam Support", user.DisplayName);
        Assert.Equal([PartnershipRole.SupportOfficer], user.Memberships.Select(m => m.Role));
    }

    /// <summary>
    /// An invitation never sets the password of an account that exists: inviting an address that has one is refused on the
    /// field (pointing to "Give a role", or naming the role it has), and a second invitation to an address stops working once
    /// the first is accepted, so the password and name set with the first stay.
    /// </summary>
    [Fact]
    public async Task Invitation_NeverResetsAnAccountThatExists()
    {
        SetPublicUrl();
        using var admin = await SignedInAsync(PartnershipRole.Administrator);
        var users = $"/partnerships/{Slug}/users";
        var email = NewAddress("twice");
        var first = await InviteAsync(admin, email, PartnershipRole.LeadOfficer);
        using (var again = await admin.PostFormAsync(users, $"{users}?handler=Invite", new() { ["InviteEmail"] = email, ["InviteRole"] = nameof(PartnershipRole.LeadOfficer) }))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }

        var second = InvitationLink().Match(await DbAsync(db => db.Set<OutboxMessage>().Where(m => m.To == email).OrderByDescending(m => m.Id).Select(m => m.TextBody).FirstAsync())).Groups["token"].Value;
        Assert.NotEqual(first, second);
        using var person = Session();
        using (var accepted = await person.PostFormAsync($"/invitations/{first}", $"/invitations/{first}", Acceptance("Pat First", "the first long password")))
        {
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        using var someone = Session();
        using (var stale = await someone.Client.GetAsync($"/invitations/{second}"))
        {
            Assert.Equal(HttpStatusCode.Gone, stale.StatusCode);
            Assert.Contains("There is already an account with this invitation's email address", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        using (var refused = await someone.PostFormAsync($"/account/sign-in", $"/invitations/{second}", Acceptance("Pat Second", "the second long password")))
        {
            Assert.Equal(HttpStatusCode.Gone, refused.StatusCode);
        }

        using (var signIn = await Session().SignInAsync(email, "the first long password"))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        Assert.Equal("Pat First", await DbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.DisplayName).SingleAsync()));

        var existing = await app.AddUserAsync(PartnershipRole.BoardMember);
        foreach (var (address, role, said) in new[]
        {
            (existing, PartnershipRole.LeadOfficer, "already has a SaferPlan account: give them the role under \"Give a role to someone with an account\" instead"),
            (existing, PartnershipRole.BoardMember, "is already"),
            ("", PartnershipRole.LeadOfficer, "Enter an email address"),
        })
        {
            using var invited = await admin.PostFormAsync(users, $"{users}?handler=Invite", new() { ["InviteEmail"] = address, ["InviteRole"] = role.ToString() });
            Assert.Equal(HttpStatusCode.OK, invited.StatusCode);
            var page = TestHtml.Parse(await invited.Content.ReadAsStringAsync());
            Assert.Equal("#InviteEmail", page.QuerySelector(".govuk-error-summary a")?.GetAttribute("href"));
            Assert.Contains(said, page.QuerySelector("#InviteEmail-error")!.TextContent, StringComparison.Ordinal);
        }

        Assert.False(await DbAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.To == existing)));
    }

    [Fact]
    public async Task Invitation_ExpiredRevokedOrUnknown_RefusedWithClearMessage()
    {
        SetPublicUrl();
        using var admin = await SignedInAsync(PartnershipRole.Administrator);
        var expiring = NewAddress("late");
        var revoking = NewAddress("withdrawn");
        var expiredToken = await InviteAsync(admin, expiring, PartnershipRole.LeadOfficer);
        var revokedToken = await InviteAsync(admin, revoking, PartnershipRole.BoardMember);
        await DbAsync(db => db.Set<Invitation>().Where(i => i.Email == expiring)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1))));
        var revokedId = await DbAsync(db => db.Set<Invitation>().Where(i => i.Email == revoking).Select(i => i.Id).SingleAsync());
        using var revoke = await admin.PostFormAsync($"/partnerships/{Slug}/users", $"/partnerships/{Slug}/users?handler=Revoke",
            new() { ["invitation"] = revokedId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);

        using var visitor = Session();
        using var expired = await visitor.Client.GetAsync($"/invitations/{expiredToken}");
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("This invitation has expired", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var revoked = await visitor.Client.GetAsync($"/invitations/{revokedToken}");
        Assert.Equal(HttpStatusCode.Gone, revoked.StatusCode);
        Assert.Contains("This invitation has been withdrawn", await revoked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var unknown = await visitor.Client.GetAsync("/invitations/inv_not-a-real-token");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("not recognised", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var refusedAccept = await visitor.PostFormAsync("/account/sign-in", $"/invitations/{expiredToken}", Acceptance("Late Comer", "a long enough password"));
        Assert.Equal(HttpStatusCode.Gone, refusedAccept.StatusCode);
        Assert.False(await DbAsync(db => db.Users.AnyAsync(u => u.Email == expiring || u.Email == revoking)));
    }

    [Fact]
    public async Task Roles_GivenAndTaken_ByAnAdministrator_AndTheLastAdministratorKept()
    {
        using var admin = await SignedInAsync(PartnershipRole.Administrator);
        var member = await app.AddUserAsync(PartnershipRole.BoardMember);
        var userId = await DbAsync(db => db.Users.Where(u => u.Email == member).Select(u => u.Id).SingleAsync());

        using var given = await admin.PostFormAsync($"/partnerships/{Slug}/users", $"/partnerships/{Slug}/users?handler=GiveRole",
            new() { ["RoleEmail"] = member, ["RoleToGive"] = nameof(PartnershipRole.Analyst) });
        Assert.Equal(HttpStatusCode.Redirect, given.StatusCode);
        Assert.Equal(new[] { PartnershipRole.BoardMember, PartnershipRole.Analyst }.Order(), await RolesAsync(member));

        using var taken = await admin.PostFormAsync($"/partnerships/{Slug}/users", $"/partnerships/{Slug}/users?handler=TakeRole",
            new() { ["user"] = userId, ["role"] = nameof(PartnershipRole.BoardMember) });
        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        Assert.Equal([PartnershipRole.Analyst], await RolesAsync(member));

        using var unknown = await admin.PostFormAsync($"/partnerships/{Slug}/users", $"/partnerships/{Slug}/users?handler=GiveRole",
            new() { ["RoleEmail"] = NewAddress("nobody"), ["RoleToGive"] = "" });
        var page = await unknown.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Contains("There is no account with this email address: invite them instead", page, StringComparison.Ordinal);
        Assert.True(page.IndexOf("#RoleEmail", StringComparison.Ordinal) < page.IndexOf("#RoleToGive", StringComparison.Ordinal), "The error summary follows the form's order");

        using var removed = await admin.PostFormAsync($"/partnerships/{Slug}/users", $"/partnerships/{Slug}/users?handler=Remove", new() { ["user"] = userId });
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await DbAsync(db => db.Users.AnyAsync(u => u.Email == member)));
    }

    [Fact]
    public async Task TakeRole_TheLastAdministratorsOwn_IsRefusedOnThePageNamingWhy_AndKept()
    {
        var partnership = await TestData.Partnership().SaveAsync(app);
        using var admin = await PageSession.SignedInAsync(app, PartnershipRole.Administrator, partnership: partnership.Slug);
        var adminId = await DbAsync(db => db.Memberships.Where(m => m.PartnershipId == partnership.Id && m.Role == PartnershipRole.Administrator).Select(m => m.UserId).SingleAsync());
        var users = $"/partnerships/{partnership.Slug}/users";

        using var refused = await admin.PostFormAsync(users, $"{users}?handler=TakeRole", new() { ["user"] = adminId, ["role"] = nameof(PartnershipRole.Administrator) });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var summary = TestHtml.ErrorSummary(TestHtml.Parse(await refused.Content.ReadAsStringAsync()));
        Assert.Contains("is the last Administrator of", summary.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await DbAsync(db => db.Memberships.CountAsync(m => m.PartnershipId == partnership.Id && m.Role == PartnershipRole.Administrator)));
    }

    private async Task<List<PartnershipRole>> RolesAsync(string email) =>
        (await DbAsync(db => db.Memberships.Where(m => m.User.Email == email).Select(m => m.Role).ToListAsync())).Order().ToList();

    [Fact]
    public async Task Partnership_CreatedByAnAdministrator_WhoBecomesItsAdministrator_OthersRefused()
    {
        using var admin = await SignedInAsync(PartnershipRole.Administrator);
        var slug = $"new-csp-{Guid.NewGuid():N}"[..20];

        using var invalid = await admin.PostFormAsync("/partnerships/new", "/partnerships/new", new() { ["Name"] = "", ["Slug"] = "Not A Slug", ["Area"] = "" });
        var errors = await invalid.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("Enter the partnership&#x27;s name", errors, StringComparison.Ordinal);
        Assert.Contains("govuk-error-summary", errors, StringComparison.Ordinal);

        using var created = await admin.PostFormAsync("/partnerships/new", "/partnerships/new",
            new() { ["Name"] = "East Cambridgeshire CSP", ["Slug"] = slug, ["Area"] = "East Cambridgeshire" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal($"/partnerships/{slug}/users", created.Headers.Location!.OriginalString);
        var partnership = await DbAsync(db => db.Partnerships.SingleAsync(p => p.Slug == slug));
        Assert.Equal("East Cambridgeshire", partnership.Area);
        Assert.True(await DbAsync(db => db.Memberships.AnyAsync(m => m.PartnershipId == partnership.Id && m.Role == PartnershipRole.Administrator)));
        Assert.True(await DbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Partnership) && a.EntityId == partnership.Id && a.Action == AuditAction.Created)));

        using var support = await SignedInAsync(PartnershipRole.SupportOfficer);
        using var refused = await support.PostFormAsync($"/partnerships/{Slug}", "/partnerships/new", new() { ["Name"] = "Sneaky", ["Slug"] = "sneaky", ["Area"] = "Nowhere" });
        AssertRefused(refused);
        Assert.False(await DbAsync(db => db.Partnerships.AnyAsync(p => p.Slug == "sneaky")));
    }

    [Fact]
    public async Task People_SeatedOnTheBoard_AreListedAsMembers_AndSentTheDraftPlanForComments()
    {
        using var support = await SignedInAsync(PartnershipRole.SupportOfficer);
        var name = $"Sam Member {Guid.NewGuid():N}"[..20];
        var address = $"member-{Guid.NewGuid():N}@example.org";
        var (board, executive) = await DbAsync(async db => (
            await db.Bodies.Where(b => b.Kind == BodyKind.Board && b.Partnerships.Any(p => p.Slug == Slug)).Select(b => b.Id).FirstAsync(),
            await db.Bodies.Where(b => b.Kind == BodyKind.ExecutiveGroup && b.Partnerships.Any(p => p.Slug == Slug)).Select(b => b.Id).FirstAsync()));
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.RoleTitle"] = "Board member", ["Input.AgencyId"] = "", ["Input.Email"] = address, ["Input.Version"] = "0",
            ["Input.BodyIds"] = "999999",
        };
        using (var unknown = await support.PostFormAsync($"/partnerships/{Slug}/people/new", $"/partnerships/{Slug}/people/new", fields))
        {
            Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
            Assert.Contains("Select the bodies from the list", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.False(await DbAsync(db => db.People.AnyAsync(p => p.Name == name)));
        fields["Input.BodyIds"] = board.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using (var added = await support.PostFormAsync($"/partnerships/{Slug}/people/new", $"/partnerships/{Slug}/people/new", fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        var person = await DbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Name == name));
        Assert.Equal([board], await DbAsync(db => db.Set<BodyMember>().Where(m => m.PersonId == person.Id).Select(m => m.BodyId).ToListAsync()));
        var list = await support.Client.GetStringAsync($"/partnerships/{Slug}/people");
        var boardName = await DbAsync(db => db.Bodies.Where(b => b.Id == board).Select(b => b.Name).SingleAsync());
        var row = TestHtml.Parse(list).QuerySelectorAll("tbody tr").SingleOrDefault(r => r.QuerySelector("td:first-child > a")?.TextContent == name);
        Assert.True(row is not null, $"The people list has no linked row for {name}");
        Assert.Contains(boardName, row.QuerySelectorAll("td")[3].TextContent, StringComparison.Ordinal);
        var edit = $"/partnerships/{Slug}/people/{person.Id}";
        Assert.True(TestHtml.IsChecked(TestHtml.Parse(await support.Client.GetStringAsync(edit)), "Input.BodyIds", board.ToString(System.Globalization.CultureInfo.InvariantCulture)), "The person's Board box is not ticked");

        // Moved from the Board to the Executive Group: one seat given up, one taken, in one versioned save.
        fields["Input.BodyIds"] = executive.ToString(System.Globalization.CultureInfo.InvariantCulture);
        fields["Input.Version"] = "1";
        using (var moved = await support.PostFormAsync(edit, edit, fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        }

        Assert.Equal([executive], await DbAsync(db => db.Set<BodyMember>().Where(m => m.PersonId == person.Id).Select(m => m.BodyId).ToListAsync()));

        using var api = await app.ApiClientAsync(await app.SharedUserAsync(PartnershipRole.SupportOfficer));
        var year = PlanYears.Next();
        using var plan = await api.PostAsJsonAsync($"/api/partnerships/{Slug}/plans", new { title = $"Members' plan {year}", startYear = year, endYear = year + 3 });
        Assert.Equal(HttpStatusCode.Created, plan.StatusCode);
        var editionId = (await plan.Content.ReadFromJsonAsync<Plans.IdJson>(Plans.PlanApi.Contract))!.Id;
        var deadline = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        using var started = await api.PostAsJsonAsync($"/api/editions/{editionId}/consultation", new { deadline });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.True(await DbAsync(db => db.Set<Core.Plans.ConsultationLink>().AnyAsync(l => l.EditionId == editionId && l.Email == address && l.Name == name)),
            "The Executive Group member was not sent a link to comment");
        Assert.True(await DbAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.To == address)));
    }

    [Fact]
    public async Task People_SupportOfficerAddsAndEdits_StaleVersionAndLeadRemovalRefused_AnotherPartnershipRefused()
    {
        using var support = await SignedInAsync(PartnershipRole.SupportOfficer);
        var name = $"Pat Example {Guid.NewGuid():N}"[..20];

        using var added = await support.PostFormAsync($"/partnerships/{Slug}/people/new", $"/partnerships/{Slug}/people/new",
            new() { ["Input.Name"] = name, ["Input.Honorific"] = "Cllr", ["Input.RoleTitle"] = "Community Safety Officer", ["Input.AgencyId"] = "", ["Input.Email"] = "pat@example.org", ["Input.Version"] = "0" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var person = await DbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Name == name));
        Assert.Equal(1, person.Version);
        Assert.Equal($"Cllr {name}", person.PrintedName);
        using var list = await support.Client.GetAsync($"/partnerships/{Slug}/people");
        Assert.Contains("pat@example.org", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var edit = $"/partnerships/{Slug}/people/{person.Id}";
        using var saved = await support.PostFormAsync(edit, edit,
            new() { ["Input.Name"] = name, ["Input.RoleTitle"] = "Community Safety Manager", ["Input.AgencyId"] = "", ["Input.Email"] = "", ["Input.Version"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var stale = await support.PostFormAsync(edit, edit,
            new() { ["Input.Name"] = name, ["Input.RoleTitle"] = "Old copy", ["Input.AgencyId"] = "", ["Input.Email"] = "", ["Input.Version"] = "1" });
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("govuk-error-summary", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Community Safety Manager", (await DbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == person.Id))).RoleTitle);

        var lead = await app.PersonIdAsync("dave-sargent");
        using var leadRemoval = await support.PostFormAsync($"/partnerships/{Slug}/people/{lead}", $"/partnerships/{Slug}/people/{lead}?handler=Remove", new() { ["Input.Version"] = "1" });
        Assert.Equal(HttpStatusCode.OK, leadRemoval.StatusCode);
        Assert.Contains("Choose someone else to lead them in the plan first", await leadRemoval.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var removed = await support.PostFormAsync(edit, $"{edit}?handler=Remove", new() { ["Input.Version"] = "2" });
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await DbAsync(db => db.People.AnyAsync(p => p.Id == person.Id)));

        var installer = await app.AddUserAsync(PartnershipRole.Administrator);
        var other = await app.WithScopeAsync(async sp =>
        {
            var accounts = sp.GetRequiredService<AccountService>();
            var admin = await accounts.ContextForAsync((await accounts.UserByEmailAsync(installer))!.Id);
            var result = await sp.GetRequiredService<PartnershipService>().CreateAsync(
                new PartnershipInput($"other-{Guid.NewGuid():N}"[..16], "Other CSP", "Elsewhere"), admin);
            Assert.True(result.Succeeded, result.Message);
            return result.Value!.Slug;
        });
        using var otherPeople = await support.Client.GetAsync($"/partnerships/{other}/people");
        AssertRefused(otherPeople);
        using var otherAdd = await support.PostFormAsync($"/partnerships/{Slug}/people/new", $"/partnerships/{other}/people/new",
            new() { ["Input.Name"] = "Intruder", ["Input.Version"] = "0" });
        AssertRefused(otherAdd);
        Assert.False(await DbAsync(db => db.People.AnyAsync(p => p.Name == "Intruder")));
    }

    [Fact]
    public async Task People_TwoWithOneEmailAddress_InAnyCase_IsRefusedOnTheField_AnotherPartnershipMayShareIt()
    {
        var partnership = await TestData.Partnership().SaveAsync(app);
        var elsewhere = await TestData.Partnership().SaveAsync(app);
        var support = new UserContext("support", "Sam Support", null,
            [new PartnershipMembership(partnership.Id, PartnershipRole.SupportOfficer), new PartnershipMembership(elsewhere.Id, PartnershipRole.SupportOfficer)]);
        Task<EditResult<Person>> SaveAsync(int partnershipId, int? id, string name, string email, int? version = null) =>
            app.WithScopeAsync(sp => sp.GetRequiredService<PeopleService>().SaveAsync(partnershipId, id, new PersonInput(name, null, null, email), version, support));

        var priya = await SaveAsync(partnership.Id, null, "Priya Shah", "priya.shah@example.org");
        var again = await SaveAsync(partnership.Id, null, "Priya Shah again", "PRIYA.SHAH@example.org");
        var herself = await SaveAsync(partnership.Id, priya.Value!.Id, "Priya Shah", "Priya.Shah@example.org", priya.Value.Version);
        var inAnother = await SaveAsync(elsewhere.Id, null, "Priya Shah", "priya.shah@example.org");

        Assert.True(priya.Succeeded, priya.Message);
        Assert.Equal(EditStatus.Invalid, again.Status);
        Assert.Equal("Priya Shah already has this email address: enter another, or change Priya Shah's", again.Errors["Email"]);
        Assert.Equal(1, await DbAsync(db => db.People.CountAsync(p => p.PartnershipId == partnership.Id)));
        Assert.True(herself.Succeeded, herself.Message);
        Assert.True(inAnother.Succeeded, inAnother.Message);
    }

    [Fact]
    public async Task Visitors_BoardMembersAndLeadOfficers_GetNoAccountOrPeoplePages_AndNoEmailAddresses()
    {
        var pages = new[] { $"/partnerships/{Slug}/users", $"/partnerships/{Slug}/people", $"/partnerships/{Slug}/people/new", "/partnerships/new" };
        using var visitor = Session();
        foreach (var page in pages)
        {
            using var answer = await visitor.Client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
            Assert.StartsWith("/account/sign-in", answer.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
        }

        using var home = await visitor.Client.GetAsync($"/partnerships/{Slug}");
        var homePage = await home.Content.ReadAsStringAsync();
        Assert.DoesNotContain("/people\"", homePage, StringComparison.Ordinal);
        Assert.DoesNotContain("/users\"", homePage, StringComparison.Ordinal);
        Assert.DoesNotContain("@example.org", homePage, StringComparison.Ordinal);

        foreach (var (role, key) in new[] { (PartnershipRole.BoardMember, (string?)null), (PartnershipRole.LeadOfficer, "jenny-jolley"), (PartnershipRole.Analyst, null) })
        {
            using var member = await SignedInAsync(role, key);
            foreach (var page in pages)
            {
                using var answer = await member.Client.GetAsync(page);
                AssertRefused(answer);
            }
        }

        using var support = await SignedInAsync(PartnershipRole.SupportOfficer);
        using var users = await support.Client.GetAsync($"/partnerships/{Slug}/users");
        AssertRefused(users);
    }

    [Fact]
    public async Task DemoTryOut_LeadOfficerSignsInAndSubmitsAnUpdate_WithoutOpeningAQuarter()
    {
        await app.WithScopeAsync(sp => sp.GetRequiredService<DemoTryOut>().PrepareAsync());
        Assert.True(await app.WithScopeAsync(sp => sp.GetRequiredService<DemoTryOut>().PrepareAsync()), "Preparing twice changes nothing and still succeeds");
        var round = await DbAsync(db => db.Set<CollectionRound>().AsNoTracking().SingleAsync(r => r.Period == DemoTryOut.OpenQuarter));
        Assert.True(round.Deadline > DateOnly.FromDateTime(DateTime.UtcNow), "The demo quarter's deadline is ahead");
        Assert.Null(round.LockOn);
        foreach (var account in DemoTryOut.Accounts)
        {
            Assert.Equal([account.Role], await RolesAsync(account.Email));
        }

        using var lead = Session();
        using var signIn = await lead.SignInAsync("myles.bebbington@example.org", DemoTryOut.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        using var mine = await lead.Client.GetAsync("/my-updates");
        var list = await mine.Content.ReadAsStringAsync();
        var updates = $"/updates/{DemoTryOut.OpenQuarter.Slug}";
        var link = TestHtml.Hrefs(TestHtml.Parse(list)).FirstOrDefault(h => h.StartsWith("/milestones/", StringComparison.Ordinal) && h.EndsWith(updates, StringComparison.Ordinal)
            && h["/milestones/".Length..^updates.Length] is { Length: > 0 } id && id.All(char.IsAsciiDigit));
        Assert.True(link is not null, "Your updates lists a milestone of the open demo quarter");

        using var submitted = await lead.PostFormAsync(link, link, new()
        {
            ["Input.Progress"] = "Tried the demo: the scheme met this quarter.",
            ["Input.Value"] = "",
            ["Input.Status"] = nameof(UpdateStatus.OnTrack),
            ["Input.Marking"] = "Official",
            ["Input.Version"] = "0",
            ["submit"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var milestoneId = int.Parse(link["/milestones/".Length..^updates.Length], System.Globalization.CultureInfo.InvariantCulture);
        var update = await DbAsync(db => db.Set<MilestoneUpdate>().AsNoTracking().SingleAsync(u => u.MilestoneId == milestoneId && u.Period == DemoTryOut.OpenQuarter));
        Assert.Equal(UpdateState.Submitted, update.State);
    }

    private static void AssertRefused(HttpResponseMessage answer) =>
        Assert.True(
            answer.StatusCode == HttpStatusCode.Forbidden
            || (answer.StatusCode == HttpStatusCode.Redirect && answer.Headers.Location!.PathAndQuery().StartsWith("/account/access-denied", StringComparison.Ordinal)),
            $"Expected a refusal, got {(int)answer.StatusCode} {answer.Headers.Location}");
}

public sealed class PeopleAndAccountsTestsOnSqlite(SqliteFactory app) : PeopleAndAccountsTests(app), IClassFixture<SqliteFactory>;

public sealed class PeopleAndAccountsTestsOnPostgres(PostgresFactory app) : PeopleAndAccountsTests(app), IClassFixture<PostgresFactory>;
