using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaferPlan.Core.Crime;
using SaferPlan.Core.Data;
using SaferPlan.Core.Partnerships;
using SaferPlan.TestCommon;

namespace SaferPlan.Web.Tests.Crime;

/// <summary>
/// A partnership of its own ("Testshire") with hand-worked crime counts put straight into the database, so the
/// figures do not depend on the demo's generated files. September 2008 to August 2009 against the 12 months before:
/// serious acquisitive crime 1,079 against 1,000 (+7.9%); vehicle crime 658 of 1,079 (60.98%); burglary 400 among
/// 59,000 dwellings (6.78 per 1,000). An LSOA of another authority holds 999 burglaries that must never count.
/// </summary>
internal static class CrimeTestData
{
    public const string Slug = "testshire";

    public static readonly (string Code, string Name, string? Ward)[] Lsoas =
    [
        ("E01990001", "Testshire 001A", "North"),
        ("E01990002", "Testshire 001B", "North"),
        ("E01990003", "Testshire 002A", "South"),
        ("E01990099", "Otherplace 001A", "Elsewhere"),
    ];

    // (LSOA index, month, crime type, count); Testshire 001B has the most crime (400 burglaries), 001A the most incidents counting anti-social behaviour.
    private static readonly (int Lsoa, int Month, short Type, int Count)[] Counts =
    [
        (0, 200809, 13, 300), (2, 200908, 13, 358), (1, 200810, 3, 400), (2, 200901, 10, 21), (0, 200902, 1, 450),
        (0, 200709, 13, 600), (1, 200808, 3, 380), (2, 200801, 10, 20), (0, 200803, 1, 500),
        (3, 200809, 3, 999),
        (0, 201203, 3, 7),
    ];

    /// <summary>What the crime importer does after loading a file: every partnership's cached figures are stale.</summary>
    public static Task<int> BumpAllAsync(SaferPlanDbContext db) =>
        db.Partnerships.ExecuteUpdateAsync(s => s.SetProperty(p => p.ChangeStamp, p => p.ChangeStamp + 1));

    public static async Task EnsureAsync(SaferPlanFactory app)
    {
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SaferPlanDbContext>();
            if (await db.Partnerships.AnyAsync(p => p.Slug == Slug))
            {
                return 0;
            }

            db.Partnerships.Add(new Partnership { Slug = Slug, Name = "Testshire Community Safety Partnership", ShortName = "Testshire CSP", Area = "Testshire" });
            var force = new PoliceForce { Key = "testshire-test", Name = "Testshire Constabulary" };
            db.Add(force);
            var lsoas = Lsoas.Select(l => new Lsoa { Code = l.Code, Name = l.Name, WardName = l.Ward, WardCode = l.Ward is null ? null : "W" + l.Ward }).ToList();
            db.AddRange(lsoas);
            await db.SaveChangesAsync();
            foreach (var month in Counts.Select(c => c.Month).Distinct())
            {
                db.Add(new CrimeImport { ForceId = force.Id, Month = month, FileName = $"{month}-testshire-street.csv", ImportedBy = "test", ImportedAt = DateTimeOffset.UnixEpoch, Synthetic = month >= 201201, Rows = 1 });
            }

            db.AddRange(Counts.GroupBy(c => (c.Lsoa, c.Month)).Select(g =>
                CrimeCount.Of(force.Id, g.Key.Month, lsoas[g.Key.Lsoa].Id, g.GroupBy(c => c.Type).Select(t => (t.Key, t.Sum(c => c.Count))).OrderBy(t => t.Key).ToArray())));
            await db.SaveChangesAsync();
            await BumpAllAsync(db);
            return 0;
        });
    }
}
