using System.Net;
using SaferPlan.TestCommon;

namespace SaferPlan.Web.Tests.Plans;

/// <summary>The demo edition matches seed 000 action for action and milestone for milestone.</summary>
public abstract class DemoEditionTests(SaferPlanFactory app)
{
    private static readonly Dictionary<int, (string[] Actions, string[] Milestones)> Seed000 = new()
    {
        [1] = (["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7"],
               ["1.1a", "1.1b", "1.1c", "1.1d", "1.3a", "1.3b", "1.3c", "1.4a", "1.4b", "1.4c", "1.5a", "1.6a", "1.6b", "1.6c", "1.6d", "1.6e", "1.7a", "1.7b"]),
        [2] = (["2.1", "2.2", "2.3", "2.4", "2.5"],
               ["2.1a", "2.1b", "2.1c", "2.1d", "2.1e", "2.2a", "2.2b", "2.2c", "2.2d", "2.2e", "2.2f", "2.3a", "2.4a", "2.4b", "2.5a", "2.5b", "2.5c"]),
        [3] = (["3.1", "3.2", "3.3"],
               ["3.1a", "3.1b", "3.1c", "3.1d", "3.1e", "3.2a", "3.2b", "3.2c", "3.2d", "3.3a", "3.3b", "3.3c"]),
    };

    [Fact]
    public async Task DemoEdition_2010_11_MatchesSeed000ActionForActionAndMilestoneForMilestone()
    {
        using var client = await app.ApiClientAsync();

        var edition = await EditionAsync(client, "2010/11");

        var priorities = edition.Priorities;
        Assert.Equal(["Reducing Serious Acquisitive Crime", "Reducing re-offending", "Reduce domestic violence", "Reducing Anti-social Behaviour"],
            priorities.Select(p => p.Title));
        Assert.Equal("Mainstreamed", priorities[3].Kind);
        foreach (var (number, expected) in Seed000)
        {
            var priority = priorities.Single(p => p.Number == number && p.Kind == "Priority");
            var actions = priority.Actions;
            Assert.Equal(expected.Actions, actions.Select(a => a.Number));
            Assert.Equal(expected.Milestones, actions.SelectMany(a => a.Milestones).Select(m => m.Code));
            foreach (var (narrative, text) in new[]
                     {
                         ("why", priority.Why), ("whatWeWillDo", priority.WhatWeWillDo), ("approach", priority.Approach),
                         ("measuringSuccess", priority.MeasuringSuccess), ("dataUsed", priority.DataUsed),
                     })
            {
                Assert.False(string.IsNullOrWhiteSpace(text), $"Priority {number} has no {narrative}");
            }
        }

        var action12 = priorities[0].Actions.Single(a => a.Number == "1.2");
        Assert.Equal(2, action12.CrossReference?.PriorityNumber);
        Assert.Contains(edition.Glossary, g => g.Term.StartsWith("MARAC", StringComparison.Ordinal));
        Assert.Contains(edition.Sections, s => s.Title.Contains("How the CDRP works", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DemoEdition_2009_10_HasMeasurementWordingAndSources()
    {
        using var client = await app.ApiClientAsync();

        var edition = await EditionAsync(client, "2009/10");

        var milestones = edition.Milestones.ToDictionary(m => m.Code);
        Assert.Equal("yes or no", milestones["1.1c"].Measurement);
        Assert.Equal("YesNo", milestones["1.1c"].MeasurementKind);
        Assert.Equal("total cases actioned", milestones["1.6a"].Measurement);
        Assert.StartsWith("Number of young people attending as a percentage of", milestones["1.9a"].Measurement, StringComparison.Ordinal);
        Assert.Equal("Percentage", milestones["1.9a"].MeasurementKind);
        Assert.Equal("ASB Caseworker", milestones["1.1a"].Source);
    }

    [Fact]
    public async Task PartnershipsList_ShowsDemoPartnershipOnHomePage()
    {
        using var client = await app.ApiClientAsync();

        var html = await client.GetStringAsync("/");

        Assert.Contains("South Cambridgeshire Crime and Disorder Reduction Partnership", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPartnership_IsProblemDetailsNamingTheSlug()
    {
        using var client = await app.ApiClientAsync();

        var response = await client.GetAsync("/api/partnerships/nowhere/plans");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("nowhere", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    internal static async Task<EditionJson> EditionAsync(HttpClient client, string year) => await PlanApi.EditionOfYearAsync(client, year);
}

public sealed class DemoEditionTestsOnSqlite(SharedSqliteApp shared) : DemoEditionTests(shared.App), IClassFixture<SharedSqliteApp>;

public sealed class DemoEditionTestsOnPostgres(SharedPostgresApp shared) : DemoEditionTests(shared.App), IClassFixture<SharedPostgresApp>;
