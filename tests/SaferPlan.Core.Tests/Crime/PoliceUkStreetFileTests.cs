using SaferPlan.Core.Crime;

namespace SaferPlan.Core.Tests.Crime;

/// <summary>Reading police.uk street files: generated files with every quirk counted right, and each kind of bad file refused at its line.</summary>
public sealed class PoliceUkStreetFileTests
{
    private static readonly CalendarMonth November2010 = CalendarMonth.Of(2010, 11);
    private const string FileName = "2010-11-cambridgeshire-street.csv";
    private const string Header = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_GeneratedMonth_CountsMatchTheGeneratorsRows(bool crlf)
    {
        var generator = SyntheticPoliceUk.Cambridgeshire();
        var rows = generator.Rows(November2010).ToList();
        var text = generator.MonthText(November2010, crlf);

        var (counts, refusal) = PoliceUkStreetFile.Read(new StringReader(text), FileName);

        Assert.Null(refusal);
        Assert.NotNull(counts);
        Assert.Equal(crlf, text.Contains("\r\n", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Location.Contains(',', StringComparison.Ordinal));
        Assert.Contains("\"On or near ", text, StringComparison.Ordinal);
        Assert.Equal(rows.Count, counts!.Rows);
        Assert.Equal(rows.Count(r => r.LsoaCode.Length == 0), counts.RowsWithoutLocation);
        Assert.InRange(counts.RowsWithoutLocation, rows.Count / 100, rows.Count / 20);
        Assert.Equal("Cambridgeshire Constabulary", counts.ForceName);

        var expected = rows.GroupBy(r => (r.LsoaCode, r.CrimeType)).ToDictionary(g => g.Key, g => g.Count());
        var actual = counts.Counts.ToDictionary(
            kv => (StreetFileCounts.SplitCountKey(kv.Key).LsoaIndex is var l && l == 0 ? "" : counts.Lsoas[l - 1].Code,
                   CrimeTypes.All.Single(t => t.Id == StreetFileCounts.SplitCountKey(kv.Key).CrimeTypeId).Name),
            kv => kv.Value);
        Assert.Equal(expected.OrderBy(k => k.Key).ToList(), actual.OrderBy(k => k.Key).ToList());

        var expectedOutcomes = rows.GroupBy(r => r.LastOutcome).ToDictionary(g => g.Key, g => g.Count());
        var actualOutcomes = counts.OutcomeCounts
            .GroupBy(kv => StreetFileCounts.SplitOutcomeKey(kv.Key).OutcomeIndex is var o && o == 0 ? "" : counts.Outcomes[o - 1])
            .ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value));
        Assert.Equal(expectedOutcomes.OrderBy(k => k.Key).ToList(), actualOutcomes.OrderBy(k => k.Key).ToList());
    }

    [Fact]
    public void Rows_SouthCambridgeshireMonth_HasRealisticVolumesAndMix()
    {
        var rows = SyntheticPoliceUk.Cambridgeshire().Rows(November2010).Where(r => r.LsoaName.StartsWith("South Cambridgeshire ", StringComparison.Ordinal)).ToList();

        var asb = rows.Count(r => r.CrimeType == "Anti-social behaviour");
        Assert.InRange(rows.Count - asb, 480, 620);
        Assert.InRange(asb, 280, 420);
        Assert.All(rows.Where(r => r.CrimeType == "Anti-social behaviour"), r => Assert.True(r.CrimeId.Length == 0 && r.LastOutcome.Length == 0));
        Assert.All(rows.Where(r => r.CrimeType != "Anti-social behaviour"), r => Assert.True(r.CrimeId.Length == 64 && r.LastOutcome.Length > 0));
        var vehicle = rows.Count(r => r.CrimeType == "Vehicle crime");
        var acquisitive = rows.Count(r => r.CrimeType is "Vehicle crime" or "Burglary" or "Robbery");
        Assert.InRange(vehicle / (double)acquisitive, 0.5, 0.7);
    }

    [Fact]
    public void Lookup_Cambridgeshire_HasRealWardNamesAndOnsCodes()
    {
        var lookup = SyntheticPoliceUk.Cambridgeshire().Lookup;

        var south = lookup.Where(l => l.LocalAuthorityName == "South Cambridgeshire").ToList();
        Assert.InRange(south.Count, 85, 100);
        Assert.InRange(lookup.Count(l => l.LocalAuthorityName == "Cambridge"), 65, 75);
        Assert.Contains(south, l => l.WardName == "Histon and Impington");
        Assert.Contains(south, l => l.WardName == "Bar Hill");
        Assert.Equal("South Cambridgeshire 001A", south[0].LsoaName);
        Assert.All(lookup, l => Assert.Matches("^E01[0-9]{6}$", l.LsoaCode));
        Assert.Equal(lookup.Count, lookup.Select(l => l.LsoaCode).Distinct().Count());
    }

    [Fact]
    public void Rows_SameMonthTwice_AreTheSame()
    {
        Assert.Equal(
            SyntheticPoliceUk.Cambridgeshire().MonthText(November2010),
            SyntheticPoliceUk.Cambridgeshire().MonthText(November2010));
    }

    public static TheoryData<string, int, string> Malformed => new()
    {
        { "Crime ID,Month,Reported by\nx,2010-11,y\n", 1, "The header is not police.uk's" },
        { $"{Header}\n{Row()}\n{Row()}\n,2010-11,Force,Force,0.1,52.1,On or near X,E01018000,South Cambridgeshire 001A,Burglary\n", 4, "The row has 10 fields; a police.uk street file has 12." },
        { $"{Header}\n{Row()}\n{Row(month: "2010/11")}\n", 3, "The month \"2010/11\" is not a month written YYYY-MM" },
        { $"{Header}\r\n{Row()}\r\n{Row()}\r\n{Row(month: "2010-12")}\r\n", 4, "The month is 2010-12 but the file is for 2010-11." },
        { $"{Header}\n{Row()}\n{Row(type: "Jaywalking")}\n", 3, "\"Jaywalking\" is not a police.uk crime type." },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Read_MalformedFile_IsRefusedAtItsLine(string text, int line, string reason)
    {
        var (counts, refusal) = PoliceUkStreetFile.Read(new StringReader(text), FileName);

        Assert.Null(counts);
        Assert.NotNull(refusal);
        Assert.Equal(FileName, refusal!.File);
        Assert.Equal(line, refusal.Line);
        Assert.StartsWith(reason, refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RowLongerThanAnyPoliceUkRow_IsRefusedAtItsLineInPlainWords()
    {
        var text = $"{Header}\n{Row()}\n{Row(location: "\"On or near " + new string('x', 70_000))}\n{Row()}\n";

        var (counts, refusal) = PoliceUkStreetFile.Read(new StringReader(text), FileName);

        Assert.Null(counts);
        Assert.Equal(3, refusal!.Line);
        Assert.StartsWith("The row is longer than 65,536 characters, so it is not a police.uk street row", refusal.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("buffer", refusal.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Read_LsoaNameHoldingControlCharacters_KeepsItWithSpaces()
    {
        var text = $"{Header}\n,2010-11,Force,Force,0.1,52.1,On or near X,E01018000,South Cambridgeshire\u000B001A\u0001,Burglary,Under investigation,\n";

        var (counts, refusal) = PoliceUkStreetFile.Read(new StringReader(text), FileName);

        Assert.Null(refusal);
        Assert.Equal([("E01018000", "South Cambridgeshire 001A")], counts!.Lsoas);
    }

    [Fact]
    public void Read_FileNameNotPoliceUks_IsRefused()
    {
        var (counts, refusal) = PoliceUkStreetFile.Read(new StringReader($"{Header}\n{Row()}\n"), "crimes.csv");

        Assert.Null(counts);
        Assert.Contains("YYYY-MM-force-street.csv", refusal!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_QuotedCommasAndNoLocation_CountsEachRowOnce()
    {
        var text = $"{Header}\n{Row(location: "\"On or near Mill Road, Romsey\"")}\n"
            + ",2010-11,Cambridgeshire Constabulary,Cambridgeshire Constabulary,,,No location,,,Anti-social behaviour,,\n";

        var (counts, refusal) = PoliceUkStreetFile.Read(new StringReader(text), FileName);

        Assert.Null(refusal);
        Assert.Equal(2, counts!.Rows);
        Assert.Equal(1, counts.RowsWithoutLocation);
        Assert.Equal([("E01018000", "South Cambridgeshire 001A")], counts.Lsoas);
        Assert.Equal(["Under investigation"], counts.Outcomes);
    }

    [Fact]
    public void Read_QuotedFieldsWithDoubledQuotesLineBreaksAndABlankLine_ReadAsOneRowEach()
    {
        var text = $"{Header}\n{Row(location: "\"On or near \"\"The Green\"\", Linton\"")}\n\n"
            + $"{Row(location: "\"On or near Mill Road,\nRomsey\"")}\n"
            + $"{Row(type: "Vehicle crime")}\n\n";

        var (counts, refusal) = PoliceUkStreetFile.Read(new StringReader(text), FileName);

        Assert.Null(refusal);
        Assert.Equal(3, counts!.Rows);
        Assert.Equal(2, counts.Counts.Values.Max());
    }

    [Fact]
    public void Read_QuotedFieldNeverClosed_IsRefusedAtTheLineItStarts()
    {
        var text = $"{Header}\n{Row()}\n{Row(location: "\"On or near Mill Road")}\n{Row()}\n";

        var (counts, refusal) = PoliceUkStreetFile.Read(new StringReader(text), FileName);

        Assert.Null(counts);
        Assert.Equal(3, refusal!.Line);
        Assert.StartsWith("The file is not readable CSV", refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EmptyFile_IsRefusedForItsHeader()
    {
        var (counts, refusal) = PoliceUkStreetFile.Read(new StringReader(""), FileName);

        Assert.Null(counts);
        Assert.Equal(1, refusal!.Line);
        Assert.StartsWith("The file is empty.", refusal.Reason, StringComparison.Ordinal);
    }

    private static string Row(string month = "2010-11", string type = "Burglary", string location = "On or near High Street") =>
        $"abc,{month},Cambridgeshire Constabulary,Cambridgeshire Constabulary,0.1,52.1,{location},E01018000,South Cambridgeshire 001A,{type},Under investigation,";
}
