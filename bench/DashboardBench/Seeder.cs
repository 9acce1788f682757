using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Accounts;
using SaferPlan.Core.Data;
using SaferPlan.Core.Editing;
using SaferPlan.Core.Monitoring;
using SaferPlan.Core.Partnerships;
using SaferPlan.Core.Periods;
using SaferPlan.Core.Plans;

/// <summary>Fills the database through the app's own model: the rows are written in bulk, by the tables and columns EF Core maps.</summary>
internal static class Seeder
{
    public const int Partnerships = 300;
    public const int PrioritiesPer = 6;
    public const int ActionsPerPriority = 5;
    public const int MilestonesPerAction = 5;
    public const int FirstYear = 2008;
    public const int Years = 3;

    private static readonly UpdateStatus?[] Statuses =
        [UpdateStatus.OnTrack, UpdateStatus.OnTrack, UpdateStatus.OnTrack, UpdateStatus.NotOnTrack, UpdateStatus.StatsAwaited, UpdateStatus.Completed, UpdateStatus.NotStarted, UpdateStatus.Closed];

    private const string Progress = """
        Multi-agency meetings held in January, February and March; police fortnightly analysis shared with partners and used to direct patrols.
        Figures for the quarter are with the performance team and will be confirmed at the next task group meeting.
        """;

    public static string Slug(int index) => $"bench-{index:000}";

    public static async Task<(int Partnerships, int Milestones, int Updates)> SeedAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaferPlanDbContext>();
        await db.Database.OpenConnectionAsync();
        var random = new Random(20110408);
        var now = new DateTimeOffset(2011, 4, 20, 9, 0, 0, TimeSpan.Zero);
        var quarters = Enumerable.Range(0, Seeder.Years * 4).Select(i => ReportingPeriod.Of(Seeder.FirstYear + (i / 4), (i % 4) + 1)).ToList();

        var partnerships = new List<Partnership>();
        var people = new List<Person>();
        var plans = new List<Plan>();
        var editions = new List<PlanEdition>();
        var priorities = new List<Priority>();
        var actions = new List<PlanAction>();
        var milestones = new List<Milestone>();
        var rounds = new List<CollectionRound>();
        for (var i = 0; i < Seeder.Partnerships; i++)
        {
            var partnership = new Partnership { Id = i + 1, Slug = Slug(i), Name = $"Benchmark Community Safety Partnership {i:000}", ShortName = $"Bench {i:000}", Area = "Benchshire" };
            partnerships.Add(partnership);
            var leads = Enumerable.Range(0, 3).Select(k => new Person { Id = people.Count + k + 1, Key = $"lead-{k}", Name = $"Lead Officer {k} of {i:000}", PartnershipId = partnership.Id }).ToList();
            people.AddRange(leads);
            var plan = new Plan { Id = i + 1, PartnershipId = partnership.Id, Title = "Community Safety Plan 2008–2011", StartYear = Seeder.FirstYear, EndYear = Seeder.FirstYear + Seeder.Years };
            plans.Add(plan);
            var edition = new PlanEdition { Id = i + 1, PlanId = plan.Id, YearStart = Seeder.FirstYear + Seeder.Years - 1, Label = "FINAL", Title = "Community Safety Plan 2010/11 refresh", Status = EditionStatus.Approved, Version = 1 };
            editions.Add(edition);
            for (var p = 1; p <= Seeder.PrioritiesPer; p++)
            {
                var priority = new Priority { Id = priorities.Count + 1, EditionId = edition.Id, Number = p, SortOrder = p, Title = $"Priority area number {p}", LeadOfficerId = leads[p % 3].Id, Version = 1 };
                priorities.Add(priority);
                for (var a = 1; a <= Seeder.ActionsPerPriority; a++)
                {
                    var action = new PlanAction
                    {
                        Id = actions.Count + 1,
                        PriorityId = priority.Id,
                        Number = $"{p}.{a}",
                        SortOrder = a,
                        Text = "CDRP to operate a dynamic and informed multi agency task group focusing on the priority, and ensure consistent and energetic engagement at a local level.",
                        LeadAgency = "Police",
                        LeadOfficerId = a == 1 ? leads[(p + 1) % 3].Id : null,
                        Version = 1,
                    };
                    actions.Add(action);
                    for (var m = 0; m < Seeder.MilestonesPerAction; m++)
                    {
                        milestones.Add(new Milestone
                        {
                            Id = milestones.Count + 1,
                            ActionId = action.Id,
                            Code = $"{p}.{a}{(char)('a' + m)}",
                            SortOrder = m,
                            Text = "Group to meet monthly and share information, including police fortnightly analysis updates to identify areas requiring attention.",
                            MeasurementKind = MeasurementKind.Text,
                            Marking = m == 4 ? ProtectiveMarking.Restricted : ProtectiveMarking.Official,
                            Version = 1,
                        });
                    }
                }
            }

            foreach (var q in quarters)
            {
                rounds.Add(new CollectionRound { Id = rounds.Count + 1, PartnershipId = partnership.Id, Period = q, OpenedOn = q.End.AddDays(-14), Deadline = q.End.AddDays(8), LockOn = q.End.AddDays(20), OpenedBy = "Support Officer", Version = 1 });
            }
        }

        await Bulk.InsertAsync(db, partnerships);
        await Bulk.InsertAsync(db, people);
        await Bulk.InsertAsync(db, plans);
        await Bulk.InsertAsync(db, editions);
        await Bulk.InsertAsync(db, priorities);
        await Bulk.InsertAsync(db, actions);
        await Bulk.InsertAsync(db, milestones);
        await Bulk.InsertAsync(db, rounds);

        // Twelve quarters of updates for every milestone: most accepted, a few submitted, drafts or missing.
        var updates = 0;
        var batch = new List<MilestoneUpdate>(20_000);
        foreach (var milestone in milestones)
        {
            foreach (var q in quarters)
            {
                var roll = random.Next(100);
                if (roll < 4)
                {
                    continue;
                }

                batch.Add(new MilestoneUpdate
                {
                    Id = ++updates,
                    MilestoneId = milestone.Id,
                    Period = q,
                    Progress = Progress,
                    TextValue = "Group met as planned",
                    Status = Statuses[random.Next(Statuses.Length)],
                    State = roll < 8 ? UpdateState.Draft : roll < 14 ? UpdateState.Submitted : UpdateState.Accepted,
                    AuthorName = "Lead Officer",
                    UpdatedAt = now,
                    SubmittedAt = roll < 8 ? null : now,
                    Marking = ProtectiveMarking.Official,
                    Version = 1,
                });
                if (batch.Count == batch.Capacity)
                {
                    await Bulk.InsertAsync(db, batch);
                    batch.Clear();
                }
            }
        }

        await Bulk.InsertAsync(db, batch);
        await Bulk.AfterAsync(db);
        return (partnerships.Count, milestones.Count, updates);
    }

    /// <summary>A Board member of the partnership, and a bearer token for them.</summary>
    public static async Task<string> TokenAsync(IServiceProvider services, string slug, PartnershipRole role = PartnershipRole.BoardMember)
    {
        using var scope = services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var email = role == PartnershipRole.BoardMember ? "board.member@bench.example.org" : $"{role.ToString().ToLowerInvariant()}@bench.example.org";
        var added = await accounts.AddUserAsync(email, PageBench.Password, role, slug);
        if (!added.Succeeded)
        {
            throw new InvalidOperationException(added.Message);
        }

        return (await accounts.CreateTokenAsync(email, "bench", null)).Value!.Token;
    }

    /// <summary>The id of the first milestone (Official) of the partnership at this index, as seeded.</summary>
    public static int FirstMilestoneOf(int index) => (index * Seeder.PrioritiesPer * Seeder.ActionsPerPriority * Seeder.MilestonesPerAction) + 1;
}

/// <summary>Multi-row INSERTs in one transaction per call, with each column's value converted and typed by the app's EF Core mapping.</summary>
internal static class Bulk
{
    private const int MaxParameters = 16_000;

    public static async Task InsertAsync<T>(SaferPlanDbContext db, IReadOnlyList<T> rows)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties().Where(p => p.GetColumnName(table) is not null).ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) VALUES ";

        // SQLite binds parameters by name with a linear search, so it gets one prepared row at a time (fast in one
        // transaction); PostgreSQL gets multi-row statements to save round trips.
        var perStatement = db.Database.IsNpgsql() ? Math.Max(1, MaxParameters / properties.Count) : 1;
        var connection = db.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        for (var start = 0; start < rows.Count; start += perStatement)
        {
            command.Parameters.Clear();
            var text = new System.Text.StringBuilder(head);
            var n = 0;
            for (var r = start; r < Math.Min(rows.Count, start + perStatement); r++)
            {
                text.Append(r == start ? "(" : ", (");
                for (var c = 0; c < properties.Count; c++)
                {
                    var property = properties[c];
                    var name = $"@p{n++}";
                    var value = property.PropertyInfo?.GetValue(rows[r]) ?? property.FieldInfo?.GetValue(rows[r]);
                    command.Parameters.Add(property.GetRelationalTypeMapping().CreateParameter(command, name, value, property.IsNullable));
                    text.Append(c == 0 ? name : $", {name}");
                }

                text.Append(')');
            }

            command.CommandText = text.ToString();
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    /// <summary>On PostgreSQL, moves each identity past the ids written here and refreshes the planner's statistics.</summary>
    public static async Task AfterAsync(SaferPlanDbContext db, params string[] moreTables)
    {
        var connection = db.Database.GetDbConnection();
        if (!db.Database.IsNpgsql())
        {
            await ExecuteAsync(connection, "ANALYZE");
            return;
        }

        string[] tables = ["Partnerships", "People", "Plans", "PlanEditions", "Priorities", "Actions", "Milestones", "CollectionRounds", "MilestoneUpdates", .. moreTables];
        foreach (var table in tables)
        {
            await ExecuteAsync(connection, $"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), (SELECT MAX(\"Id\") FROM \"{table}\"))");
        }

        await ExecuteAsync(connection, "ANALYZE");
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
