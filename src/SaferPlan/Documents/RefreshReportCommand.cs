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
            if (outcome.Report is not { } report)
            {
                await Console.Error.WriteLineAsync($"saferplan: {outcome.Refusal ?? "the edition could not be read."}");
                return 1;
            }

            await ReportCommand.WriteAsync(request.Path, request.Format, () => RefreshReportDocx.ToBytes(report), () => RefreshReportHtml.Render(report), ct);
            await Console.Out.WriteLineAsync(
                $"Wrote {request.Path}: {report.PartnershipName} {report.Title} ({report.Status}), {Count(report.Appendix.Sum(p => p.Comments.Count), "comment")} and {Count(report.Appendix.Sum(p => p.Changes.Count), "change")} made, marked {report.Marking}.");
            return 0;
        });

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
