namespace SaferPlan.Core.Editing;

/// <summary>What the Board approved that is being amended: a plan edition today, a year's funding plan next.</summary>
public enum AmendedRecord
{
    PlanEdition,
    FundingPlan,
}

/// <summary>The kind of item an amendment changed within what was approved.</summary>
public enum AmendedItem
{
    Priority,
    Action,
    Milestone,
    Section,
    FundingStream,
    FundingAllocation,
}

/// <summary>
/// One change to something the Board approved: which item, which of its fields, who made it, when, and the reason they
/// gave. Approved records are not edited in place; each change after approval is kept as one of these, in the same save
/// as the change itself (and audited, as every save is).
/// </summary>
public sealed class Amendment : VersionedEntity
{
    public int PartnershipId { get; set; }

    public AmendedRecord Record { get; set; }

    /// <summary>The id of the approved record (the plan edition).</summary>
    public int RecordId { get; set; }

    public AmendedItem ItemKind { get; set; }

    public int ItemId { get; set; }

    /// <summary>How the plan names the item: "Priority 1", "1.6", "1.6b".</summary>
    public required string ItemReference { get; set; }

    /// <summary>The fields changed, in words: "text, target".</summary>
    public required string Changes { get; set; }

    public required string Reason { get; set; }

    /// <summary>Restricted when the item, or what it lies under, was restricted before or after the change: kept from visitors.</summary>
    public ProtectiveMarking Marking { get; set; }

    public string? UserId { get; set; }

    /// <summary>The name the user goes by (never an e-mail address).</summary>
    public required string AmendedBy { get; set; }

    public DateTimeOffset AmendedAt { get; set; }
}

/// <summary>The item an amendment is about: its kind, id and reference ("Priority 2", a stream's name), what changed, and whether it is restricted.</summary>
public sealed record AmendedItemChange(AmendedItem Kind, int ItemId, string Reference, string Changes, bool Restricted);

/// <summary>The rules every amendment shares, whatever was approved: a reason is given, of a length that fits.</summary>
public static class Amendments
{
    /// <summary>
    /// One amendment to an approved record (a plan edition, a year's funding plan): the item, what changed, the reason
    /// given, who and when. A long reference (a renamed priority's two titles, a stream's long name) is cut to its column
    /// with "…"; the reason is the one the change was checked with (see <see cref="Reason"/>).
    /// </summary>
    public static Amendment New(AmendedRecord record, int recordId, int partnershipId, AmendedItemChange item, string? reason, UserContext user, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(user);
        var reference = item.Reference.Length > FieldLengths.Short ? string.Concat(item.Reference.AsSpan(0, FieldLengths.Short - 1), "…") : item.Reference;
        return new Amendment
        {
            PartnershipId = partnershipId,
            Record = record,
            RecordId = recordId,
            ItemKind = item.Kind,
            ItemId = item.ItemId,
            ItemReference = reference,
            Changes = item.Changes,
            Reason = reason?.Trim() ?? "",
            Marking = item.Restricted ? ProtectiveMarking.Restricted : ProtectiveMarking.Official,
            UserId = user.UserId,
            AmendedBy = user.Name,
            AmendedAt = at,
        };
    }

    /// <summary>The input field and form box that carries the reason.</summary>
    public const string ReasonField = "AmendmentReason";

    public const int ReasonLength = 2000;

    public const string ReasonMissing = "Enter the reason for this amendment";

    /// <summary>
    /// The reason a change gives, checked when the change is an amendment (<paramref name="amending"/>): the reason to keep,
    /// or null when the change needs none. Its error, if any, is noted last of all, so it is the last in the summary.
    /// </summary>
    public static string? Reason(FieldCheck check, bool amending, string? reason)
    {
        ArgumentNullException.ThrowIfNull(check);
        return amending ? check.RequiredText(ReasonField, reason, ReasonLength, ReasonMissing, "The reason for this amendment") : null;
    }

    /// <summary>Adds the reason's error, if any, to <paramref name="errors"/>.</summary>
    public static void CheckReason(IDictionary<string, string> errors, string? reason)
    {
        ArgumentNullException.ThrowIfNull(errors);
        TextRules.Required(errors, ReasonField, reason, ReasonLength, ReasonMissing, "The reason for this amendment");
    }

    /// <summary>
    /// The fields of a tracked item that the pending change modifies, in words ("due quarters, lead officer"); empty when
    /// nothing changed. Versions and sort orders are bookkeeping, not amendments.
    /// </summary>
    public static string ChangedFields(SaferPlanDbContext db, object item)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.ChangeTracker.DetectChanges();
        var names = db.Entry(item).Properties
            .Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)
                && p.Metadata.Name is not (nameof(IVersioned.Version) or "SortOrder"))
            .Select(p => Words(p.Metadata.Name));
        return string.Join(", ", names);
    }

    /// <summary>"DueQuarters" as "due quarters", "LeadOfficerId" as "lead officer".</summary>
    private static string Words(string property)
    {
        var name = property.EndsWith("Id", StringComparison.Ordinal) && property.Length > 2 ? property[..^2] : property;
        var words = new System.Text.StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ');
            }

            words.Append(char.ToLowerInvariant(c));
        }

        return words.ToString();
    }
}
