namespace SaferPlan.Core.Funding;

/// <summary>
/// Pounds and pence: always <see cref="decimal"/> with two places, read from what people type ("£5,847.00", "3175.81") and
/// shown the two ways the seeds show it: "£6,000.00" in the funding plan, "£4,207" in the public account.
/// </summary>
public static class Money
{
    public const int Precision = 12;
    public const int Scale = 2;
    public const int TransactionIdLength = 50;

    /// <summary>The largest amount a column of <see cref="Precision"/> digits holds.</summary>
    public const decimal Largest = 9_999_999_999.99m;

    private static readonly CultureInfo EnGb = Dates.EnGb;

    /// <summary>
    /// Reads an amount of pounds and pence, adding the error against <paramref name="field"/> when it is blank, not a number,
    /// negative, finer than a penny or too large. <paramref name="what"/> names the amount: "the amount received".
    /// </summary>
    public static decimal? Read(IDictionary<string, string> errors, string field, string? text, string what)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            errors[field] = $"Enter {what}";
            return null;
        }

        var cleaned = text.Trim().Replace("£", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal).Trim();
        if (!decimal.TryParse(cleaned, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            errors[field] = $"Enter {what} as a number of pounds and pence, like 5847.00";
            return null;
        }

        if (amount < 0)
        {
            errors[field] = $"Enter {what} as £0.00 or more, not a negative amount";
            return null;
        }

        if (decimal.Round(amount, Scale) != amount)
        {
            errors[field] = $"Enter {what} with no more than two decimal places (pounds and pence)";
            return null;
        }

        if (amount > Largest)
        {
            errors[field] = $"Enter {what} of less than £10,000,000,000";
            return null;
        }

        return decimal.Round(amount, Scale);
    }

    /// <summary>"£6,000.00".</summary>
    public static string Display(decimal amount) => amount.ToString("£#,##0.00", EnGb);

    /// <summary>"£4,207" for whole pounds, "£3,175.81" otherwise: the public account's plain style.</summary>
    public static string Plain(decimal amount) =>
        amount == decimal.Truncate(amount) ? amount.ToString("£#,##0", EnGb) : Display(amount);

    /// <summary>"4207.00": for files and the API.</summary>
    public static string Invariant(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
