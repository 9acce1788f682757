namespace SaferPlan.Core.Monitoring;

/// <summary>An e-mail waiting to be sent. Kept in the database so it survives restarts, and retried until sent.</summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    public required string To { get; set; }

    public required string Subject { get; set; }

    public required string TextBody { get; set; }

    public string? HtmlBody { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>Which instance is sending it, so two web servers over one database never send it twice.</summary>
    public string? ClaimedBy { get; set; }

    public DateTimeOffset? ClaimedUntil { get; set; }
}

/// <summary>
/// A personal link e-mailed to a lead officer: it opens their update form for their milestones in one quarter, with no
/// password. Signed (only its hash is stored), expiring and revocable; every use is audited.
/// </summary>
public sealed class UpdateLink : PersonalLink
{
    public int PartnershipId { get; set; }

    public int PersonId { get; set; }

    public ReportingPeriod Period { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }
}
