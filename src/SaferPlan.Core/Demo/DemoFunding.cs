using System.Text.Json;
using SaferPlan.Core.Funding;

namespace SaferPlan.Core.Demo;

/// <summary>The shape of a demo folder's funding-YYYY-YY.json: one year's funding plan; see Demo/FORMAT.md.</summary>
public sealed record DemoFundingFile(string Year, DateOnly? AgreedOn, string? AgreedBy, List<DemoFundSource> Streams);

public sealed record DemoFundSource(string Name, string? Funder, decimal Amount, bool Received, string? Conditions, List<DemoAllocation> Allocations);

/// <summary>An allocation, for the priority of that number in the year's approved edition when <c>priority</c> is given.</summary>
public sealed record DemoAllocation(string Name, decimal Amount, AllocationStatus Status, string? Note, int? Priority, string? Outcome, string? Results, ProtectiveMarking Marking, List<DemoSpend>? Spending = null);

/// <summary>A payment against the allocation; the transaction id is the year's next ("2012-13-0001") when not given.</summary>
public sealed record DemoSpend(DateOnly SpentOn, decimal Amount, string Purchase, string? Payee, bool PayeeIsPublic, string? TransactionId);

/// <summary>Loads a demo partnership's funding plans once per year (when the year has no streams yet).</summary>
public static class DemoFunding
{
    public static async Task LoadAsync(SaferPlanDbContext db, int partnershipId, string slug, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var assembly = typeof(DemoFunding).Assembly;
        var prefix = $"Demo/{slug}/funding-";
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            await using var stream = assembly.GetManifestResourceStream(resource)!;
            DemoFundingFile file;
            try
            {
                file = await JsonSerializer.DeserializeAsync<DemoFundingFile>(stream, DemoFile.Json, ct) ?? throw new InvalidDataException($"Demo data file {resource} is empty.");
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"Demo data file {resource}, line {ex.LineNumber + 1}: {ex.Message}", ex);
            }

            var year = ReportingPeriod.Parse(file.Year);
            if (await db.Set<FundingStream>().AnyAsync(s => s.PartnershipId == partnershipId && s.YearStart == year.StartYear, ct))
            {
                continue;
            }

            var priorities = await db.Priorities.AsNoTracking()
                .Where(p => p.Edition.Plan.PartnershipId == partnershipId && p.Edition.YearStart == year.StartYear && (p.Edition.Status == EditionStatus.Approved || p.Edition.Status == EditionStatus.Superseded))
                .ToDictionaryAsync(p => p.Number, p => p.Id, ct);
            var payments = 0;
            foreach (var s in file.Streams)
            {
                var fundingStream = new FundingStream
                {
                    PartnershipId = partnershipId, YearStart = year.StartYear, Name = s.Name, Funder = s.Funder, Amount = s.Amount, Received = s.Received, Conditions = s.Conditions,
                };
                foreach (var a in s.Allocations)
                {
                    int? priorityId = a.Priority is { } n
                        ? priorities.TryGetValue(n, out var id) ? id : throw new InvalidDataException($"Demo allocation {a.Name} in {resource} names priority {n}, which the {year.Display} edition does not have.")
                        : null;
                    var allocation = new FundingAllocation
                    {
                        Name = a.Name, Amount = a.Amount, Status = a.Status, Note = a.Note, PriorityId = priorityId, Outcome = a.Outcome, Results = a.Results, Marking = a.Marking,
                    };
                    foreach (var spend in a.Spending ?? [])
                    {
                        allocation.Spending.Add(new FundingSpend
                        {
                            PartnershipId = partnershipId, SpentOn = spend.SpentOn, Amount = spend.Amount, Purchase = spend.Purchase, Payee = spend.Payee, PayeeIsPublic = spend.PayeeIsPublic,
                            TransactionId = spend.TransactionId ?? string.Create(CultureInfo.InvariantCulture, $"{year.Slug}-{++payments:0000}"),
                        });
                    }

                    fundingStream.Allocations.Add(allocation);
                }

                db.Add(fundingStream);
            }

            db.Add(new FundingPlan { PartnershipId = partnershipId, YearStart = year.StartYear, AgreedOn = file.AgreedOn, AgreedBy = file.AgreedOn is null ? null : file.AgreedBy });
            db.AuditPartnershipId = partnershipId;
            await db.SaveChangesAsync(ct);
        }
    }
}
