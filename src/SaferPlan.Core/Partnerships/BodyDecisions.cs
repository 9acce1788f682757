namespace SaferPlan.Core.Partnerships;

/// <summary>
/// How a decision of one of the partnership's bodies (an edition's approval, a funding plan's agreement) is recorded and read:
/// the body by its name as the partnership keeps it, and the minute that records it.
/// </summary>
public static class BodyDecisions
{
    /// <summary>
    /// The name a decision of the partnership's own Board is recorded under when no other body is named: the name of the body
    /// the partnership names as its board or, while it names none, of the Board serving this partnership alone (as
    /// <c>MeetingEditor.IsOwnBoard</c>); "{short name} Board" when it has neither. A decision recorded at a meeting names the
    /// meeting's body the same way, by its name, so both ways record the same name for the same Board.
    /// </summary>
    public static async Task<string> BoardNameAsync(this SaferPlanDbContext db, int partnershipId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var names = await db.Partnerships.AsNoTracking().Where(p => p.Id == partnershipId)
            .Select(p => new
            {
                p.ShortName,
                Named = p.Board == null ? null : p.Board.Name,
                Alone = p.Bodies.Where(b => b.Kind == BodyKind.Board && b.Partnerships.Count == 1).OrderBy(b => b.Id).Select(b => b.Name).FirstOrDefault(),
            })
            .FirstAsync(ct);
        return names.Named ?? names.Alone ?? $"{names.ShortName} Board";
    }

    /// <summary>
    /// What follows a decision's words for the minute that records it, the one way it is read everywhere: " (minute 5/26)" for
    /// a bare reference, the reference as typed when it names itself (" (Minute 5/26)", " (Agenda item 7, 1 February 2010)"),
    /// so a minute typed "Minute 5/26" never reads "minute Minute 5/26"; nothing when there is none.
    /// </summary>
    public static string MinuteAfter(string? minute) =>
        minute?.Trim() is not { Length: > 0 } reference ? ""
        : char.IsAsciiDigit(reference[0]) ? $" (minute {reference})"
        : $" ({reference})";
}
