namespace SaferPlan.Core.Periods;

/// <summary>Dates as the partnership's papers write them, always in en-GB whatever the server's culture: "8 April 2011".</summary>
public static class Dates
{
    public static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>"8 April 2011".</summary>
    public static string Display(DateOnly date) => date.ToString("d MMMM yyyy", EnGb);

    /// <summary>"April 2011": the month of the date.</summary>
    public static string Month(DateOnly date) => date.ToString("MMMM yyyy", EnGb);

    /// <summary>"8 April 2011 14:05" (callers say which zone, usually UTC).</summary>
    public static string Display(DateTimeOffset time) => time.ToString("d MMMM yyyy HH:mm", EnGb);

    /// <summary>"8 Apr 2011 14:05", for tables of changes.</summary>
    public static string InTable(DateTimeOffset time) => time.ToString("d MMM yyyy HH:mm", EnGb);
}
