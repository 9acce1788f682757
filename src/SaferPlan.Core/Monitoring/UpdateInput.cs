namespace SaferPlan.Core.Monitoring;

/// <summary>What a lead officer enters for a milestone in a quarter. The value is read by the milestone's measurement kind.</summary>
public sealed record UpdateInput
{
    public string? Progress { get; init; }

    /// <summary>"yes" or "no" for a yes-or-no milestone; a number for a count, percentage or money; words for text.</summary>
    public string? Value { get; init; }

    public UpdateStatus? Status { get; init; }

    public ProtectiveMarking Marking { get; init; } = ProtectiveMarking.Official;

    /// <summary>Submit to the support officer (true) or keep as a draft (false).</summary>
    public bool Submit { get; init; } = true;

    public static string? ValueText(MilestoneUpdate? update, MeasurementKind kind) => update is null
        ? null
        : kind switch
        {
            MeasurementKind.YesNo => update.YesNoValue is { } b ? (b ? "yes" : "no") : null,
            MeasurementKind.Text => update.TextValue,
            // A count is a whole number ("3177", never "3177.0", however the database kept its scale); an amount keeps its pence.
            MeasurementKind.Count => update.NumberValue?.ToString("0", System.Globalization.CultureInfo.InvariantCulture),
            MeasurementKind.Money => update.NumberValue?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
            _ => update.NumberValue?.ToString("0.##########", System.Globalization.CultureInfo.InvariantCulture),
        };
}

public static class UpdateStatuses
{
    public static string Text(UpdateStatus? status) => status switch
    {
        UpdateStatus.OnTrack => "On track",
        UpdateStatus.NotOnTrack => "Not on track",
        UpdateStatus.Completed => "Completed",
        UpdateStatus.NotStarted => "Not started",
        UpdateStatus.StatsAwaited => "Stats awaited",
        UpdateStatus.Closed => "Closed",
        _ => "No update",
    };

    public static string Text(UpdateState state) => state switch
    {
        UpdateState.Draft => "Draft",
        UpdateState.Submitted => "Submitted",
        UpdateState.Accepted => "Accepted",
        _ => "Returned",
    };
}
