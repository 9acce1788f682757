namespace SaferPlan.Core.Editing;

/// <summary>
/// Writes an edit's checked fields (the record its <see cref="FieldCheck"/> made) to the item it edits: each field to the
/// item's property of the same name, through EF Core's change tracker, so an editor names its fields once, in
/// that record, instead of copying them one by one. Only a property whose value differs is marked changed, so an
/// amendment's list of what changed (<see cref="Amendments.ChangedFields"/>) and the audit trail read as before.
/// </summary>
public static class FieldWriter
{
    /// <summary>
    /// Writes <paramref name="fields"/> to <paramref name="item"/> (tracked, or about to be added). A field the item has no
    /// property for, or a null for a property that must have a value, is a mistake in the editor, not something to let
    /// through quietly; a field named in <paramref name="notWritten"/>
    /// is left for the edit to write itself (a reason kept elsewhere, figures written as JSON).
    /// </summary>
    public static void Write(this SaferPlanDbContext db, object item, object fields, params string[] notWritten)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(notWritten);
        var entry = db.Entry(item);
        foreach (var field in fields.GetType().GetProperties())
        {
            if (notWritten.Contains(field.Name, StringComparer.Ordinal))
            {
                continue;
            }

            var property = entry.Metadata.FindProperty(field.Name) ?? throw new InvalidOperationException(
                $"{fields.GetType().Name}.{field.Name} names no property of {entry.Metadata.ClrType.Name}: name the field as the property it writes, or as not written.");
            var value = field.GetValue(fields);
            if (value is null && !property.IsNullable)
            {
                throw new InvalidOperationException(
                    $"{fields.GetType().Name}.{field.Name} is null, but {entry.Metadata.ClrType.Name}.{field.Name} must have a value: write it in the edit, or name it as not written.");
            }

            entry.Property(property).CurrentValue = value;
        }
    }
}
