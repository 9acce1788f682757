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
}
