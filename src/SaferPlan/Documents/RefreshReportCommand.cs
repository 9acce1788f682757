using System.CommandLine;
using SaferPlan.Core.Documents;

namespace SaferPlan.Documents;

/// <summary><c>saferplan report refresh</c>: the refresh report of a year's edition of the partnership's plan (seed 002's layout) written to a file.</summary>
public static class RefreshReportCommand
{
    public static Command Create() => ReportCommand.ForYear(
        "refresh",
        "Write the refresh report of a year's edition: purpose, background with the refresh's dates, the consultation, the recommendation, and Appendix A with every comment received and change made, numbered by priority.",
        "The edition's financial year", "south-cambridgeshire", "2010-11",
        async (request, services, ct) =>
        {
            var outcome = await services.GetRequiredService<RefreshReportBuilder>().BuildAsync(request.Slug, request.Period, ct);
            return await ReportCommand.WriteAsync(request, outcome.Report, outcome.Refusal ?? "the edition could not be read.", r => RefreshReportDocx.ToBytes(r), r => RefreshReportHtml.Render(r),
                r => $"{r.PartnershipName} {r.Title} ({r.Status}), {Count(r.Appendix.Sum(p => p.Comments.Count), "comment")} and {Count(r.Appendix.Sum(p => p.Changes.Count), "change")} made, marked {r.Marking}.", ct);
        });

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
