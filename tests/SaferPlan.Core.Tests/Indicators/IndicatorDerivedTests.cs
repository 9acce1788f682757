using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Auditing;
using SaferPlan.Core.Crime;
using SaferPlan.Core.Data;
using SaferPlan.Core.Editing;
using SaferPlan.Core.Indicators;
using SaferPlan.Core.Tests.Data;

namespace SaferPlan.Core.Tests.Indicators;

/// <summary>Recorded-crime values computed from hand-worked counts, rates and rolling 12 months, and the editor's rules, on a real SQLite file.</summary>
public sealed class IndicatorDerivedTests : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("saferplan-indicators-").FullName;
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2011, 4, 20, 9, 0, 0, TimeSpan.Zero));
    private int partnershipId;

    public async Task InitializeAsync()
    {
        await DemoDatabaseFiles.CopyAsync(Path.Combine(folder, "indicators.db"), time.GetUtcNow());
        await using var db = Open();
        partnershipId = await db.Partnerships.Where(p => p.Slug == "south-cambridgeshire").Select(p => p.Id).SingleAsync();

        // Two LSOAs in the area and one outside; burglaries: 10 a month in the area (7 + 3) from April 2010 to March 2011,
        // 20 in March 2010, and 5 a month outside the area, which must not count. Vehicle crime must not count either.
        db.Set<PoliceForce>().Add(new PoliceForce { Id = 1, Key = "cambridgeshire", Name = "Cambridgeshire Constabulary" });
        db.Set<Lsoa>().AddRange(
            new Lsoa { Id = 1, Code = "E01000001", Name = "South Cambridgeshire 001A" },
            new Lsoa { Id = 2, Code = "E01000002", Name = "South Cambridgeshire 002A" },
            new Lsoa { Id = 3, Code = "E01000003", Name = "Cambridge 001A" });
        db.Set<PartnershipLsoa>().AddRange(new PartnershipLsoa { PartnershipId = partnershipId, LsoaId = 1 }, new PartnershipLsoa { PartnershipId = partnershipId, LsoaId = 2 });
        var month = CalendarMonth.Of(2010, 3);
        for (var i = 0; i < 13; i++, month = month.AddMonths(1))
        {
            db.Set<CrimeImport>().Add(new CrimeImport { ForceId = 1, Month = month.Key, FileName = $"{month}-cambridgeshire-street.csv", ImportedBy = "test", ImportedAt = time.GetUtcNow() });
            db.Set<CrimeCount>().AddRange(
                CrimeCount.Of(1, month.Key, 1, (3, i == 0 ? 20 : 7), (13, 4)),
                CrimeCount.Of(1, month.Key, 3, (3, 5)));
            if (i > 0)
            {
                db.Set<CrimeCount>().Add(CrimeCount.Of(1, month.Key, 2, (3, 3)));
            }
        }

        // The demo gives the partnership its own residents and dwellings; these tests use round figures of their own.
        await db.Set<AreaDenominator>().Where(d => d.PartnershipId == partnershipId).ExecuteDeleteAsync();
        db.Set<AreaDenominator>().AddRange(
            new AreaDenominator { PartnershipId = partnershipId, Kind = DenominatorKind.Dwellings, Year = 2010, Value = 3900 },
            new AreaDenominator { PartnershipId = partnershipId, Kind = DenominatorKind.Dwellings, Year = 2011, Value = 4000 });
        await db.SaveChangesAsync();
    }

    private string ConnectionString => $"Data Source={Path.Combine(folder, "indicators.db")}";

    public Task DisposeAsync()
    {
        DemoDatabaseFiles.Release(ConnectionString);
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    private SaferPlanDbContext Open()
    {
        var builder = new DbContextOptionsBuilder<SaferPlanDbContext>();
        new DatabaseSettings(DatabaseProvider.Sqlite, ConnectionString).Configure(builder);
        return new SaferPlanDbContext(builder.Options, new FixedActorAccessor(new AuditActor("u1", "analyst@example.org")), time);
    }

    private UserContext User(PartnershipRole role) => new("u1", "analyst@example.org", null, [new PartnershipMembership(partnershipId, role)]);

    private async Task<int> BurglaryRateAsync(SaferPlanDbContext db)
    {
        var result = await new IndicatorEditor(db, time).CreateIndicatorAsync(partnershipId, new IndicatorInput
        {
            Code = "TEST-BURGLARY", Name = "Burglary per 1,000 dwellings", Unit = IndicatorUnit.RatePer1000Dwellings, Polarity = Polarity.LowerIsBetter,
            Frequency = IndicatorFrequency.Yearly, Source = IndicatorSource.RecordedCrime, CrimeType = "Burglary",
        }, User(PartnershipRole.Analyst));
        Assert.True(result.Succeeded, result.Message);
        return result.Value!.Id;
    }

    [Fact]
    public async Task FinancialYearRate_IsAreaCountPerThousandDwellingsOfTheYearItEndsIn()
    {
        await using var db = Open();
        var id = await BurglaryRateAsync(db);
        var reader = new IndicatorReader(db, time);

        // 2010/11: 12 months × (7 + 3) = 120 burglaries; ends March 2011, so 4,000 dwellings: 120 × 1000 / 4000 = 30.00.
        var year = await reader.ValueForAsync(id, MonthSpan.Of(SaferPlan.Core.Periods.ReportingPeriod.Year(2010)));
        // 12 months to December 2010: March 2010 is outside; April–December 2010 is 9 × 10 = 90, plus January–March 2010?
        // No: the span is January–December 2010, and January and February 2010 are not loaded, so there is no value.
        var calendar = await reader.ValueForAsync(id, new MonthSpan(CalendarMonth.Of(2010, 1), CalendarMonth.Of(2010, 12)));
        // 12 months to February 2011: March 2010 (20) + April 2010–February 2011 (11 × 10) = 130, over 4,000 dwellings = 32.50.
        var rolling = await reader.ValueForAsync(id, MonthSpan.Rolling12(CalendarMonth.Of(2011, 2)));
        // April–December 2010: 90 burglaries over the 2010 figure of 3,900 dwellings = 23.076… → 23.08.
        var nine = await reader.ValueForAsync(id, new MonthSpan(CalendarMonth.Of(2010, 4), CalendarMonth.Of(2010, 12)));

        Assert.Equal(30.00m, year!.Value);
        Assert.Null(calendar!.Value);
        Assert.Contains("no police.uk crime data is loaded for 2 of its 12 months", calendar.Judgement.Sentence, StringComparison.Ordinal);
        Assert.Equal(32.50m, rolling!.Value);
        Assert.Equal("12 months to February 2011", rolling.Span.Display);
        Assert.Equal(23.08m, nine!.Value);
    }

    [Fact]
    public async Task BaselineComputedAndTarget_JudgesTheLatestRolling12Months()
    {
        await using var db = Open();
        var id = await BurglaryRateAsync(db);
        var editor = new IndicatorEditor(db, time);
        var analyst = User(PartnershipRole.Analyst);
        var baseline = await editor.CreateBaselineAsync(id, new IndicatorBaselineInput { Period = "2010-03..2011-02" }, analyst);
        Assert.True(baseline.Succeeded, baseline.Message);
        var target = await editor.CreateTargetAsync(id, new IndicatorTargetInput { Year = "2010/11", Kind = TargetKind.BelowBaseline, BaselineId = baseline.Value!.Id, AmberTolerance = 1 }, analyst);
        Assert.True(target.Succeeded, target.Message);

        var list = await new IndicatorReader(db, time).ListAsync("south-cambridgeshire");
        var row = list!.Value.Indicators.Single(i => i.Indicator.Id == id);

        // Latest is the 12 months to March 2011 (30.00) against the computed baseline of 32.50: below it, so green.
        Assert.Equal("2010/11", row.Latest!.Span.Display);
        Assert.Equal(IndicatorStatus.Green, row.Judgement.Status);
        Assert.Equal("30.0 per 1,000 dwellings against a target below the 12 months to February 2011 baseline of 32.5: green.", row.Judgement.Sentence);
    }

    [Fact]
    public async Task ManualValue_StaleVersionIsRefused_AndTheEarlierValueIsKept()
    {
        await using var db = Open();
        var editor = new IndicatorEditor(db, time);
        var analyst = User(PartnershipRole.Analyst);
        var ni32 = await db.Set<Indicator>().Where(i => i.PartnershipId == partnershipId && i.Code == "NI32").Select(i => i.Id).SingleAsync();
        var value = await db.Set<IndicatorValue>().AsNoTracking().SingleAsync(v => v.IndicatorId == ni32);

        var changed = await editor.UpdateValueAsync(value.Id, new IndicatorValueInput { Period = "2010-11-q4", Value = 33, Source = "Revised figure" }, value.Version, analyst);
        var stale = await new IndicatorEditor(db, time).UpdateValueAsync(value.Id, new IndicatorValueInput { Period = "2010-11-q4", Value = 35 }, value.Version, analyst);
        var detail = await new IndicatorReader(db, time).DetailAsync(ni32, analyst);

        Assert.True(changed.Succeeded, changed.Message);
        Assert.Equal(EditStatus.Conflict, stale.Status);
        Assert.Contains("changed by analyst at", stale.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("@", stale.Message, StringComparison.Ordinal);
        var shown = detail!.Values.Single();
        Assert.Equal("33%", shown.ValueText);
        Assert.Equal("34%", shown.Earlier.Single().Value);
    }

    [Fact]
    public async Task BoardMemberAndLeadOfficer_CannotEdit()
    {
        await using var db = Open();
        var editor = new IndicatorEditor(db, time);
        var input = new IndicatorInput { Code = "X", Name = "X", Unit = IndicatorUnit.Count, Polarity = Polarity.LowerIsBetter, Frequency = IndicatorFrequency.Yearly, Source = IndicatorSource.Manual };

        Assert.Equal(EditStatus.Forbidden, (await editor.CreateIndicatorAsync(partnershipId, input, User(PartnershipRole.BoardMember))).Status);
        Assert.Equal(EditStatus.Forbidden, (await editor.CreateIndicatorAsync(partnershipId, input, User(PartnershipRole.LeadOfficer))).Status);
        Assert.True((await editor.CreateIndicatorAsync(partnershipId, input, User(PartnershipRole.Analyst))).Succeeded);
    }

    [Fact]
    public async Task Demo_HasTheSeedsIndicators_WithNI32At34Percent()
    {
        await using var db = Open();
        var list = (await new IndicatorReader(db, time).ListAsync("south-cambridgeshire"))!.Value.Indicators;

        Assert.Equal(["NI16", "LOCAL-BURGLARY", "LOCAL-VEHICLE", "NI30", "NI32", "LOCAL-1.5a", "LOCAL-1.5b", "LOCAL-1.9a"], list.Select(i => i.Indicator.Code).ToArray());
        var ni32 = list.Single(i => i.Indicator.Code == "NI32");
        Assert.Equal("34%", ni32.Latest!.ValueText);
        Assert.Equal("2010/11 Q4", ni32.Latest.Span.Display);
        var abandoned = list.Single(i => i.Indicator.Code == "LOCAL-1.5a");
        Assert.Equal("97% against a target of at least 95%: green.", abandoned.Judgement.Sentence);
        Assert.True(await db.Set<CrimeGroup>().AnyAsync(g => g.PartnershipId == partnershipId && g.Key == "serious-acquisitive-crime" && g.Members.Count == 3));
    }
}
