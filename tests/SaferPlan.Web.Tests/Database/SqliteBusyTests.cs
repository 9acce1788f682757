using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SaferPlan.Core.Monitoring;
using SaferPlan.TestCommon;

namespace SaferPlan.Web.Tests.Database;

/// <summary>
/// Two connections to one SQLite file at once, as the app has whenever a page is read while the outbox sender or another
/// request writes: a save waits for the other connection's lock rather than failing with "database is locked". SQLite
/// only: PostgreSQL has row locks and no such failure.
/// </summary>
public sealed class SqliteBusyTests
{
    [Fact]
    public async Task SavingOneNewRow_WhileAnotherConnectionIsReading_WaitsForItAndSaves()
    {
        await using var database = await TestDatabaseInstance.CreateWithDemoAsync(TestDatabase.Sqlite, demoCrime: false);

        // Another connection in the middle of a read: it holds a shared lock until its transaction ends, which a commit
        // must wait for. It ends a moment after the save has begun.
        await using var reader = new SqliteConnection(database.ConnectionString);
        await reader.OpenAsync();
        await using var read = reader.BeginTransaction(deferred: true);
        await using (var select = new SqliteCommand("SELECT count(*) FROM OutboxMessages", reader, read))
        {
            await select.ExecuteScalarAsync();
        }

        await using var db = database.NewContext();
        var subject = $"Saved while read {Guid.NewGuid():N}";
        var now = DateTimeOffset.UtcNow;
        db.Add(new OutboxMessage { To = "someone@example.org", Subject = subject, TextBody = "Body.", CreatedAt = now, NextAttemptAt = now });
        // On a thread of its own: Microsoft.Data.Sqlite's asynchronous calls run synchronously, waiting included.
        var save = Task.Run(() => db.SaveChangesAsync());
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        var savedBeforeTheReadEnded = save.IsCompleted;
        await read.CommitAsync();

        // One new row is saved with INSERT … RETURNING: Microsoft.Data.Sqlite retries a busy statement but not the commit
        // when its reader closes, which failed with SQLite Error 5 before SQLite's own busy timeout was set.
        Assert.Equal(1, await save);
        Assert.False(savedBeforeTheReadEnded, "the save should have had to wait for the reading connection's lock");
        await using var check = database.NewContext();
        Assert.Equal(1, await check.Set<OutboxMessage>().CountAsync(m => m.Subject == subject));
    }
}
