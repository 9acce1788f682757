using System.Text;
using Microsoft.VisualBasic.FileIO;

namespace SaferPlan.Core.Crime;

/// <summary>The one way the small uploaded CSV files (ONS lookups, population figures) are read: comma-separated, quoted fields, trimmed, UTF-8 unless marked otherwise.</summary>
internal static class CsvTextParser
{
    public static TextFieldParser Open(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var parser = new TextFieldParser(stream, Encoding.UTF8, detectEncoding: true)
        {
            TextFieldType = FieldType.Delimited,
            HasFieldsEnclosedInQuotes = true,
            TrimWhiteSpace = true,
        };
        parser.SetDelimiters(",");
        return parser;
    }

    /// <summary>
    /// The header row, or the line and what is wrong when it is not valid CSV. Both are null when the file has no lines:
    /// each reader says in its own words which columns the header should name.
    /// </summary>
    public static (string[]? Header, (int Line, string Reason)? Problem) ReadHeader(TextFieldParser parser)
    {
        ArgumentNullException.ThrowIfNull(parser);
        try
        {
            return (parser.ReadFields(), null);
        }
        catch (MalformedLineException e)
        {
            return (null, ((int)e.LineNumber, "the header is not valid CSV"));
        }
    }

    /// <summary>Where each known column stands in the header; the first of two with the same meaning counts.</summary>
    public static Dictionary<TColumn, int> ColumnsOf<TColumn>(string[] header, Func<string, TColumn?> columnOf)
        where TColumn : struct
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(columnOf);
        var columns = new Dictionary<TColumn, int>();
        for (var i = 0; i < header.Length; i++)
        {
            if (columnOf(header[i]) is { } column)
            {
                columns.TryAdd(column, i);
            }
        }

        return columns;
    }

    /// <summary>
    /// The lines after the header, skipping blank ones, until the end or <paramref name="maxProblems"/> problems: each the
    /// row <paramref name="rowOf"/> makes of its fields and line number, or the line and what is wrong with it. A line
    /// with more or fewer fields than the <paramref name="header"/> is a problem before <paramref name="rowOf"/> sees it.
    /// </summary>
    public static (List<TRow> Rows, List<(int Line, string Problem)> Problems) ReadRows<TRow>(
        TextFieldParser parser, string[] header, int maxProblems, Func<string[], int, (TRow? Row, string? Problem)> rowOf)
        where TRow : class
    {
        ArgumentNullException.ThrowIfNull(parser);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rowOf);
        var rows = new List<TRow>();
        var problems = new List<(int Line, string Problem)>();
        while (!parser.EndOfData && problems.Count < maxProblems)
        {
            var line = (int)parser.LineNumber;
            string[]? fields;
            try
            {
                fields = parser.ReadFields();
            }
            catch (MalformedLineException e)
            {
                problems.Add(((int)e.LineNumber, "the line is not valid CSV (a quote is not closed)"));
                continue;
            }

            if (fields is null || fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var (row, problem) = fields.Length == header.Length
                ? rowOf(fields, line)
                : (null, $"it has {fields.Length} fields but the header has {header.Length}");
            if (row is not null)
            {
                rows.Add(row);
            }
            else
            {
                problems.Add((line, problem!));
            }
        }

        return (rows, problems);
    }
}
