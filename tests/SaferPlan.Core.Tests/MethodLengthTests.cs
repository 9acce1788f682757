namespace SaferPlan.Core.Tests;

/// <summary>
/// Small pieces, so a new feature copies one short pattern (issue 11): a journey's endpoint map is a list of routes to
/// static handlers, and no method does so much that it runs past a screen or two.
/// </summary>
public sealed class MethodLengthTests
{
    private const int MapLines = 60;

    private const int MethodLines = 80;

    /// <summary>
    /// The police.uk street file reader's loop over a file's bytes, which reads the records without a CSV library because a
    /// benchmark showed it must (bench/README, "Loading police.uk crime files"): kept whole so its hot loop stays one loop.
    /// </summary>
    private static readonly string[] MeasuredParser =
    [
        "src/SaferPlan.Core/Crime/PoliceUkStreetFile.cs:ReadAll",
        "src/SaferPlan.Core/Crime/PoliceUkStreetFile.cs:NextRecord",
        "src/SaferPlan.Core/Crime/PoliceUkStreetFile.cs:SplitQuoted",
    ];

    private static readonly List<(string File, int Line, string Name, int Lines)> Methods = SourceScan.Methods(["src/SaferPlan", "src/SaferPlan.Core"]);

    [Fact]
    public void EndpointMaps_AreAtMostSixtyLines()
    {
        var maps = Methods.Where(m => m.Name.StartsWith("Map", StringComparison.Ordinal) && m.File.EndsWith("Endpoints.cs", StringComparison.Ordinal)).ToList();

        Assert.True(maps.Count > 20, $"Only {maps.Count} endpoint maps were found: the reading of the source has gone wrong.");
        var tooLong = maps.Where(m => m.Lines > MapLines).Select(Describe).ToList();
        Assert.True(tooLong.Count == 0, $"Split the journey's map into smaller groups (Map… of static handlers):\n{string.Join("\n", tooLong)}");
    }

    [Fact]
    public void Methods_AreAtMostEightyLines()
    {
        Assert.True(Methods.Count > 1000, $"Only {Methods.Count} methods were found: the reading of the source has gone wrong.");
        Assert.Contains(Methods, m => m.Name == "BuildAsync" && m.File.EndsWith("/BoardReportBuilder.cs", StringComparison.Ordinal));
        var tooLong = Methods.Where(m => m.Lines > MethodLines && !MeasuredParser.Contains($"{m.File}:{m.Name}")).Select(Describe).ToList();
        Assert.True(tooLong.Count == 0, $"Split these into methods that each do one thing:\n{string.Join("\n", tooLong)}");
    }

    [Fact]
    public void TheMeasuredParser_IsStillWhereTheExceptionSaysItIs()
    {
        foreach (var allowed in MeasuredParser)
        {
            Assert.Contains(Methods, m => $"{m.File}:{m.Name}" == allowed && m.Lines > MethodLines);
        }
    }

    private static string Describe((string File, int Line, string Name, int Lines) m) => $"{m.File}:{m.Line}: {m.Name} is {m.Lines} lines";
}
