using System.Text;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SaferPlan.Core.Monitoring;

namespace SaferPlan.Core.Meetings;

/// <summary>
/// One of the things the Home Office requires of the partnership each year (seed 000, "Other CDRP priority tasks"): agree and
/// publish the funding plan in April, consult the public May to August, the council's scrutiny review in September, the
/// strategic assessment in October, and each quarter the ASB return and the performance report. Owned by a person, or by
/// a role (the support officers) until a person is named.
/// </summary>
public sealed class StatutoryDuty : VersionedEntity
{
    public int PartnershipId { get; set; }

    public int YearStart { get; set; }

    /// <summary>Which duty of the year: "funding-plan", "asb-return-q2"; unique in the partnership's year.</summary>
    public required string Key { get; set; }

    public required string Title { get; set; }

    /// <summary>When work on it starts, for a duty that runs over months (the public consultation, May to August).</summary>
    public DateOnly? StartsOn { get; set; }

    public DateOnly DueOn { get; set; }

    public int? OwnerPersonId { get; set; }

    public Person? OwnerPerson { get; set; }

    /// <summary>Who owns it while no person is named: the partnership's people with this role.</summary>
    public PartnershipRole OwnerRole { get; set; } = Permissions.DefaultDutyOwner;

    public DateOnly? DoneOn { get; set; }

    /// <summary>The last day its owner was reminded: at most one reminder a day. Bookkeeping, not an edit, so set without audit.</summary>
    public DateOnly? LastRemindedOn { get; set; }

    public DutyStatus StatusOn(DateOnly today) => DoneOn is not null ? DutyStatus.Done : DueOn < today ? DutyStatus.Overdue : DutyStatus.Due;
}

public enum DutyStatus
{
    Due,
    Overdue,
    Done,
}

/// <summary>One duty in the year's list, as generated: key, title, start and due date.</summary>
public sealed record DutyTemplate(string Key, string Title, DateOnly? StartsOn, DateOnly DueOn);

/// <summary>
/// The statutory year: generates each year's duties from seed 000's list, marks them done, reads them with their status,
/// and reminds the owners of overdue duties through the outbox.
/// </summary>
public sealed class StatutoryYearService(SaferPlanDbContext db, TimeProvider time)
{
    /// <summary>Overdue duties are chased daily for this long after their due date; after that the dashboard shows them.</summary>
    public static readonly int RemindForDays = 90;

    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>Seed 000's list for a financial year: each quarter's returns are due at the end of the month after it.</summary>
    public static IReadOnlyList<DutyTemplate> Templates(ReportingPeriod year)
    {
        var y = year.FinancialYear.StartYear;
        var list = new List<DutyTemplate>
        {
            new("funding-plan", $"Agree and publish the {year.FinancialYear.Display} funding plan", new DateOnly(y, 4, 1), new DateOnly(y, 4, 30)),
            new("public-consultation", $"Public consultation for the {y} strategic assessment", new DateOnly(y, 5, 1), new DateOnly(y, 8, 31)),
            new("scrutiny-review", "District Council scrutiny review of the partnership's performance", new DateOnly(y, 9, 1), new DateOnly(y, 9, 30)),
            new("strategic-assessment", $"Produce the {y} strategic assessment", new DateOnly(y, 10, 1), new DateOnly(y, 10, 31)),
        };
        for (var q = 1; q <= 4; q++)
        {
            var quarter = ReportingPeriod.Of(y, q);
            var month = quarter.End.AddDays(1).AddMonths(1).AddDays(-1);
            list.Add(new($"asb-return-q{q}", $"Anti-social behaviour information to the Home Office, {quarter.Display}", null, month));
            list.Add(new($"performance-report-q{q}", $"Report on crime statistics and progress on priorities, {quarter.Display}", null, month));
        }

        return list;
    }

    /// <summary>
    /// Adds the year's duties not yet there (running it again adds nothing). A duty due before the partnership was set up,
    /// or already past in the year under way (<see cref="GenerationStart"/>), is left out: it would be overdue, and chased
    /// every day, as soon as it was made. Returns how many were added and how many left out, and why.
    /// </summary>
    public async Task<EditResult<GeneratedYear>> GenerateYearAsync(int partnershipId, ReportingPeriod year, UserContext user, CancellationToken ct = default)
    {
        if (!Permissions.CanEditMeetings(user, partnershipId))
        {
            return EditResult<GeneratedYear>.Forbidden("Only the partnership's support officers and administrators can set the statutory year.");
        }

        var start = await GenerationStart.ForAsync(db, partnershipId, year, Today, ct);
        var (added, leftOut) = await AddYearAsync(db, partnershipId, year, ct, start?.From);
        if (added > 0)
        {
            db.AuditPartnershipId = partnershipId;
            await db.SaveChangesAsync(ct);
        }

        return EditResult<GeneratedYear>.Ok(new GeneratedYear(added, leftOut, start?.From, start?.Why));
    }

    /// <summary>Adds the year's missing duties to the context without saving; those due before <paramref name="from"/>, when given, are left out and counted.</summary>
    internal static async Task<(int Added, int LeftOut)> AddYearAsync(SaferPlanDbContext db, int partnershipId, ReportingPeriod year, CancellationToken ct, DateOnly? from = null)
    {
        var y = year.FinancialYear.StartYear;
        var have = (await db.Set<StatutoryDuty>().Where(d => d.PartnershipId == partnershipId && d.YearStart == y).Select(d => d.Key).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var (added, leftOut) = (0, 0);
        foreach (var t in Templates(year).Where(t => !have.Contains(t.Key)))
        {
            if (t.DueOn < from)
            {
                leftOut++;
                continue;
            }

            db.Add(new StatutoryDuty { PartnershipId = partnershipId, YearStart = y, Key = t.Key, Title = t.Title, StartsOn = t.StartsOn, DueOn = t.DueOn });
            added++;
        }

        return (added, leftOut);
    }

    /// <summary>The year's duties, in due order; every duty is public (the owner's name is shown, never an e-mail address).</summary>
    public async Task<IReadOnlyList<StatutoryDuty>> YearAsync(int partnershipId, ReportingPeriod year, CancellationToken ct = default) =>
        await db.Set<StatutoryDuty>().AsNoTracking().Include(d => d.OwnerPerson)
            .Where(d => d.PartnershipId == partnershipId && d.YearStart == year.FinancialYear.StartYear)
            .OrderBy(d => d.DueOn).ThenBy(d => d.Key).ToListAsync(ct);

    public async Task<IReadOnlyList<StatutoryDuty>> ForFeedAsync(IReadOnlyCollection<int> partnershipIds, CancellationToken ct = default) =>
        await db.Set<StatutoryDuty>().AsNoTracking().Where(d => partnershipIds.Contains(d.PartnershipId)).OrderBy(d => d.DueOn).ToListAsync(ct);

    /// <summary>The partnership's duties not done and past their due date on <paramref name="today"/>: for the dashboard.</summary>
    public async Task<IReadOnlyList<StatutoryDuty>> OverdueAsync(int partnershipId, DateOnly today, CancellationToken ct = default) =>
        await db.Set<StatutoryDuty>().AsNoTracking().Include(d => d.OwnerPerson)
            .Where(d => d.PartnershipId == partnershipId && d.DoneOn == null && d.DueOn < today)
            .OrderBy(d => d.DueOn).ThenBy(d => d.Key).ToListAsync(ct);

    public async Task<StatutoryDuty?> DutyAsync(int id, CancellationToken ct = default) =>
        await db.Set<StatutoryDuty>().AsNoTracking().Include(d => d.OwnerPerson).FirstOrDefaultAsync(d => d.Id == id, ct);

    /// <summary>Marks a duty done on a day (today or earlier), or not done again with null; optionally names its owner.</summary>
    public async Task<EditResult<StatutoryDuty>> SetDoneAsync(int id, DateOnly? doneOn, int? ownerPersonId, int? expectedVersion, UserContext user, CancellationToken ct = default)
    {
        var duty = await db.Set<StatutoryDuty>().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (duty is null)
        {
            return EditResult<StatutoryDuty>.NotFound($"There is no statutory duty {id}.");
        }

        if (!Permissions.CanEditMeetings(user, duty.PartnershipId))
        {
            return EditResult<StatutoryDuty>.Forbidden("Only the partnership's support officers and administrators can mark a duty done.");
        }

        var errors = await CheckDoneAsync(duty.PartnershipId, doneOn, ownerPersonId, ct);
        if (errors.Count > 0)
        {
            return EditResult<StatutoryDuty>.Invalid(errors);
        }

        return await db.SaveEditAsync(duty, expectedVersion, new EditSave(duty.PartnershipId, "statutory duty")
        {
            Change = () =>
            {
                duty.DoneOn = doneOn;
                duty.OwnerPersonId = ownerPersonId;
            },
        }, ct);
    }

    /// <summary>What is wrong with marking a duty of the partnership done on <paramref name="doneOn"/> and owned by <paramref name="ownerPersonId"/>; nothing is saved.</summary>
    public async Task<Dictionary<string, string>> CheckDoneAsync(int partnershipId, DateOnly? doneOn, int? ownerPersonId, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        if (doneOn is { } d && d > Today)
        {
            errors["DoneOn"] = "The date it was done must be today or in the past";
        }

        if (ownerPersonId is { } owner && !await db.People.AnyAsync(p => p.Id == owner && p.PartnershipId == partnershipId, ct))
        {
            errors["OwnerPersonId"] = "Choose a person of this partnership";
        }

        return errors;
    }

    /// <summary>
    /// Queues one e-mail per overdue duty to its owner (the named person, else the partnership's accounts with the owner role),
    /// at most once a day per duty however often it runs or however many servers run it: the day is claimed by a
    /// compare-and-set on <see cref="StatutoryDuty.LastRemindedOn"/> before the e-mail is queued, in one transaction.
    /// Returns how many duties were reminded.
    /// </summary>
    public async Task<int> RemindOverdueAsync(DateOnly today, string? baseUrl, CancellationToken ct = default)
    {
        var from = today.AddDays(-RemindForDays);
        var due = await db.Set<StatutoryDuty>().AsNoTracking().Include(d => d.OwnerPerson)
            .Where(d => d.DoneOn == null && d.DueOn < today && d.DueOn >= from && (d.LastRemindedOn == null || d.LastRemindedOn < today))
            .ToListAsync(ct);
        var reminded = 0;
        foreach (var duty in due)
        {
            var to = await RecipientsAsync(duty, ct);
            if (to.Count == 0)
            {
                continue;
            }

            var partnership = await db.Partnerships.AsNoTracking().FirstAsync(p => p.Id == duty.PartnershipId, ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.Set<StatutoryDuty>()
                .Where(d => d.Id == duty.Id && (d.LastRemindedOn == null || d.LastRemindedOn < today))
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.LastRemindedOn, today), ct);
            if (claimed != 1)
            {
                continue;
            }

            var now = time.GetUtcNow();
            var link = $"{baseUrl?.TrimEnd('/')}/partnerships/{partnership.Slug}/calendar/{duty.YearStart.ToString(CultureInfo.InvariantCulture)}-{((duty.YearStart + 1) % 100).ToString("00", CultureInfo.InvariantCulture)}";
            foreach (var address in to)
            {
                db.Add(new OutboxMessage
                {
                    To = address,
                    Subject = $"Overdue: {duty.Title} (due {Dates.Display(duty.DueOn)})",
                    TextBody = Body(partnership, duty, link),
                    CreatedAt = now,
                    NextAttemptAt = now,
                });
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            reminded++;
        }

        return reminded;
    }

    private async Task<IReadOnlyList<string>> RecipientsAsync(StatutoryDuty duty, CancellationToken ct)
    {
        if (duty.OwnerPerson is { Email: { Length: > 0 } email })
        {
            return [email.Trim()];
        }

        return (await db.Memberships.Where(m => m.PartnershipId == duty.PartnershipId && m.Role == duty.OwnerRole && m.User.Email != null)
                .Select(m => m.User.Email!).ToListAsync(ct))
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static string Body(Partnership partnership, StatutoryDuty duty, string link)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{duty.Title} was due on {Dates.Display(duty.DueOn)} and is not yet marked done.\n\n");
        text.Append(CultureInfo.InvariantCulture, $"This is one of {partnership.Name}'s statutory duties for the year. When it is done, mark it done on the partnership's calendar:\n\n{link}\n\n");
        text.Append("You will be reminded once a day while it is overdue.\n");
        return text.ToString();
    }
}

internal sealed class StatutoryDutyConfiguration : IEntityTypeConfiguration<StatutoryDuty>
{
    public void Configure(EntityTypeBuilder<StatutoryDuty> builder)
    {
        builder.ToTable("StatutoryDuties");
        builder.HasOne<Partnership>().WithMany().HasForeignKey(d => d.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(d => d.OwnerPerson).WithMany().HasForeignKey(d => d.OwnerPersonId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(d => d.Key).HasMaxLength(40);
        builder.Property(d => d.Title).HasMaxLength(300);
        builder.HasIndex(d => new { d.PartnershipId, d.YearStart, d.Key }).IsUnique();
    }
}
