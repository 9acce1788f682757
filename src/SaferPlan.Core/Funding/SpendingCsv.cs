using Sylvan.Data.Csv;

namespace SaferPlan.Core.Funding;

/// <summary>One line of a spending file that could not be taken, by its line number in the file.</summary>
public sealed record SpendingCsvRefusal(int Line, string Reason);

/// <summary>
/// Spending in the shape the Local Government Transparency Code publishes it: body, date, expense type (the funding stream),
/// description (the project, then what was bought), supplier (or that it is withheld, for a person), amount and the
/// transaction number, which stays the same in every file published. The same columns are read back from councils that keep
/// their spending in a finance system: the whole file is refused, with the line numbers, if any line is wrong.
/// </summary>
public static class SpendingCsv
{
    public static readonly IReadOnlyList<string> Header =
        ["Body name", "Date", "Expense type", "Description", "Supplier name", "Amount", "Transaction number"];

    /// <summary>Writes every public payment of <paramref name="plan"/>.</summary>
    public static string Write(FundingPlanView plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var text = new System.Text.StringBuilder();
        text.AppendJoin(',', Header.Select(Quote)).Append("\r\n");
        foreach (var (allocation, line) in plan.Payments)
        {
            string[] fields =
            [
                plan.Partnership.Name,
                line.Spend.SpentOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                allocation.Allocation.Stream.Name,
                $"{allocation.Allocation.Name}: {line.Spend.Purchase}",
                line.Supplier,
                Money.Invariant(line.Spend.Amount),
                line.Spend.TransactionId,
            ];
            text.AppendJoin(',', fields.Select(Quote)).Append("\r\n");
        }

        return text.ToString();
    }

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\r', '\n']) >= 0 || field.StartsWith(' ') || field.EndsWith(' ')
            ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
            : field;

    /// <summary>One line read from a spending file, before it is matched to an allocation.</summary>
    public sealed record Row(int Line, string Body, string Date, string ExpenseType, string Description, string Supplier, string Amount, string TransactionId);

    /// <summary>
    /// The file's rows, and the refusal of each line the parser cannot take: every line with the wrong number of fields, read
    /// on past it so the other lines are checked too; or only the header's, or the first line that is not readable CSV (after
    /// which nothing more can be read).
    /// </summary>
    public static (IReadOnlyList<Row> Rows, IReadOnlyList<SpendingCsvRefusal> Refusals) Read(TextReader text)
    {
        var rows = new List<Row>();
        var refusals = new List<SpendingCsvRefusal>();
        var line = 1;
        try
        {
            using var csv = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true, Delimiter = ',' });
            if (csv.FieldCount != Header.Count || Enumerable.Range(0, Header.Count).Any(i => !string.Equals(csv.GetName(i).Trim(), Header[i], StringComparison.OrdinalIgnoreCase)))
            {
                return ([], [new SpendingCsvRefusal(1, $"The header must be \"{string.Join(',', Header)}\"")]);
            }

            while (csv.Read())
            {
                line++;
                if (csv.RowFieldCount == 1 && csv.GetFieldSpan(0).IsEmpty)
                {
                    continue;
                }

                if (csv.RowFieldCount != Header.Count)
                {
                    refusals.Add(new SpendingCsvRefusal(line, $"The line has {csv.RowFieldCount} fields; a spending line has {Header.Count}"));
                    continue;
                }

                rows.Add(new Row(line, csv.GetString(0).Trim(), csv.GetString(1).Trim(), csv.GetString(2).Trim(), csv.GetString(3).Trim(),
                    csv.GetString(4).Trim(), csv.GetString(5).Trim(), csv.GetString(6).Trim()));
            }
        }
        catch (CsvMissingHeadersException)
        {
            return ([], [new SpendingCsvRefusal(1, $"The file is empty. A spending file starts with the header \"{string.Join(',', Header)}\"")]);
        }
        catch (Exception ex) when (ex is CsvFormatException or InvalidDataException)
        {
            refusals.Add(new SpendingCsvRefusal(line + 1, $"The line is not readable CSV: {ex.Message}"));
        }

        return (rows, refusals);
    }

    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"];

    /// <summary>A file's date: "15/04/2012" or "2012-04-15".</summary>
    public static DateOnly? ReadDate(string text) =>
        DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>Whether a supplier cell says the name is withheld rather than naming a supplier.</summary>
    public static bool IsRedacted(string supplier) =>
        supplier.Length == 0 || supplier.StartsWith("redacted", StringComparison.OrdinalIgnoreCase);
}
