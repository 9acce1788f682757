using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace SaferPlan.Monitoring;

/// <summary>
/// A figure table as its form holds it: a box for each column heading, and per row a box for its label and one for each
/// column's figure. Rows and columns are added and removed by submit buttons named <see cref="CommandField"/>, so the
/// table works without JavaScript: the page applies the command and shows the form again with everything typed kept.
/// </summary>
public sealed class FigureGrid
{
    /// <summary>The name of the add and remove buttons; their value is "add-row 0", "remove-row 0 2" and so on (verb, table, index).</summary>
    public const string CommandField = "FigureCommand";

    public List<string?> Columns { get; set; } = [];

    public List<FigureGridRow> Rows { get; set; } = [];

    public bool IsBlank => Columns.All(string.IsNullOrWhiteSpace) && Rows.All(r => r.IsBlank);

    /// <summary>An empty table to fill in: one column and one row.</summary>
    public static FigureGrid Empty(params string?[] columns) => new()
    {
        Columns = columns.Length == 0 ? [null] : [.. columns],
        Rows = [new FigureGridRow { Values = [.. columns.Length == 0 ? [null] : columns.Select(_ => (string?)null)] }],
    };

    public static FigureGrid From(IReadOnlyList<string> columns, IReadOnlyList<FigureRow> rows) => new()
    {
        Columns = [.. columns],
        Rows = [.. rows.Select(r => new FigureGridRow { Label = r.Label, Values = [.. r.Values.Select(Text)] })],
    };

    public static string? Text(decimal? value) => value?.ToString("0.##########", CultureInfo.InvariantCulture);

    /// <summary>The command a post carries: which table, and what to do to it. Null when the post is a save.</summary>
    public static (string Verb, int Table, int Index)? Command(string? value)
    {
        var parts = (value ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is < 2 or > 3 || parts[0] is not ("add-row" or "remove-row" or "add-column" or "remove-column")
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var table))
        {
            return null;
        }

        var index = -1;
        return parts.Length == 3 && !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out index) ? null : (parts[0], table, index);
    }

    /// <summary>Adds or removes a row or column. A table keeps at least one of each.</summary>
    public void Apply(string verb, int index)
    {
        Normalise();
        switch (verb)
        {
            case "add-row":
                Rows.Add(new FigureGridRow { Values = [.. Columns.Select(_ => (string?)null)] });
                break;
            case "remove-row" when index >= 0 && index < Rows.Count && Rows.Count > 1:
                Rows.RemoveAt(index);
                break;
            case "add-column":
                Columns.Add(null);
                Rows.ForEach(r => r.Values.Add(null));
                break;
            case "remove-column" when index >= 0 && index < Columns.Count && Columns.Count > 1:
                Columns.RemoveAt(index);
                Rows.ForEach(r => r.Values.RemoveAt(index));
                break;
        }
    }

    /// <summary>Gives every row one box per column, however few boxes were posted.</summary>
    public void Normalise()
    {
        if (Columns.Count == 0)
        {
            Columns.Add(null);
        }

        if (Rows.Count == 0)
        {
            Rows.Add(new FigureGridRow());
        }

        foreach (var row in Rows)
        {
            while (row.Values.Count < Columns.Count)
            {
                row.Values.Add(null);
            }

            if (row.Values.Count > Columns.Count)
            {
                row.Values.RemoveRange(Columns.Count, row.Values.Count - Columns.Count);
            }
        }
    }

    /// <summary>
    /// The table as typed: blank rows and blank columns left out; each heading, label and figure that cannot be read is an
    /// error against its own box, named by its row and column as the form shows them.
    /// </summary>
    /// <param name="prefix">What the boxes are named under, such as <c>Input.Figures[0]</c>.</param>
    /// <param name="table">Put before each message where the form has several tables ("Figure table 2"); null for none.</param>
    /// <param name="fixedColumns">The headings when the form does not let them be typed (a briefing's one column of figures).</param>
    public (List<string> Columns, List<FigureRow> Rows) Read(ModelStateDictionary state, string prefix, string? table, IReadOnlyList<string>? fixedColumns = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        Normalise();
        var at = table is null ? "" : $"{table}, ";
        var columns = Enumerable.Range(0, Columns.Count)
            .Where(c => fixedColumns is not null || !string.IsNullOrWhiteSpace(Columns[c]) || Rows.Any(r => !string.IsNullOrWhiteSpace(r.Values[c])))
            .ToList();
        var headings = new List<string>();
        foreach (var c in columns)
        {
            var heading = fixedColumns is not null ? fixedColumns[Math.Min(c, fixedColumns.Count - 1)] : Columns[c]?.Trim();
            if (string.IsNullOrEmpty(heading))
            {
                state.AddModelError($"{prefix}.Columns[{c}]", Capital($"{at}column {c + 1}: enter its heading"));
            }

            headings.Add(heading ?? "");
        }

        var rows = new List<FigureRow>();
        for (var r = 0; r < Rows.Count; r++)
        {
            var row = Rows[r];
            if (row.IsBlank)
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(row.Label))
            {
                state.AddModelError($"{prefix}.Rows[{r}].Label", Capital($"{at}row {r + 1}: enter its label"));
            }

            var values = new List<decimal?>();
            for (var i = 0; i < columns.Count; i++)
            {
                var cell = row.Values[columns[i]]?.Trim() ?? "";
                if (cell.Length == 0 || cell is "–" or "-")
                {
                    values.Add(null);
                }
                else if (decimal.TryParse(cell, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
                {
                    values.Add(value);
                }
                else
                {
                    var column = headings[i].Length == 0 ? $"column {columns[i] + 1}" : $"column '{headings[i]}'";
                    state.AddModelError($"{prefix}.Rows[{r}].Values[{columns[i]}]", Capital($"{at}row {r + 1}, {column}: enter a number"));
                    values.Add(null);
                }
            }

            rows.Add(new FigureRow(row.Label?.Trim() ?? "", values));
        }

        return (headings, rows);
    }

    private static string Capital(string text) => string.Concat(text[..1].ToUpperInvariant(), text[1..]);
}

public sealed class FigureGridRow
{
    public string? Label { get; set; }

    public List<string?> Values { get; set; } = [];

    public bool IsBlank => string.IsNullOrWhiteSpace(Label) && Values.All(string.IsNullOrWhiteSpace);
}

/// <summary>A figure table's form: a GOV.UK table of boxes, with buttons that add and remove its rows and columns.</summary>
public static class FigureGridHtml
{
    /// <param name="prefix">What the boxes are named under, such as <c>Input.Figures[0]</c>.</param>
    /// <param name="table">The table's number on the form, carried by its add and remove buttons.</param>
    /// <param name="fixedColumns">Headings shown as text, not boxes, and no buttons for columns (a briefing's one column of figures).</param>
    public static IHtmlContent FigureGridEditor(this IHtmlHelper html, string prefix, FigureGrid grid, int table, string legend, string? hint, string rowHeading, IReadOnlyList<string>? fixedColumns = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(grid);
        grid.Normalise();
        var id = GovUkHtml.IdFor(prefix);
        var editor = new GridWriter(html, prefix, grid, table, $"#{id}", fixedColumns);
        var head = editor.HeadRow(rowHeading);
        var body = editor.BodyRows();
        var errors = editor.Errors;
        var messages = string.Concat(errors.Select(e => $"<p id=\"{e.Id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {E(e.Message)}</p>"));
        return new HtmlString(
            $"<div class=\"govuk-form-group{(errors.Count == 0 ? "" : " govuk-form-group--error")}\" id=\"{id}\">"
            + $"<fieldset class=\"govuk-fieldset\"{(hint is null ? "" : $" aria-describedby=\"{id}-hint\"")}><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{E(legend)}</legend>"
            + (hint is null ? "" : $"<div id=\"{id}-hint\" class=\"govuk-hint\">{E(hint)}</div>")
            + messages
            + $"<table class=\"govuk-table\"><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">{head}</tr></thead><tbody class=\"govuk-table__body\">{body}</tbody></table>"
            + "<div class=\"govuk-button-group\">"
            + editor.Button("Add a row", $"to {legend}", $"add-row {table}")
            + (fixedColumns is null ? editor.Button("Add a column", $"to {legend}", $"add-column {table}") : "")
            + "</div></fieldset></div>");
    }

    /// <summary>Writes one grid's boxes and buttons, keeping each box's error in page order for the messages above the table.</summary>
    private sealed class GridWriter(IHtmlHelper html, string prefix, FigureGrid grid, int table, string anchor, IReadOnlyList<string>? fixedColumns)
    {
        public List<(string Id, string Message)> Errors { get; } = [];

        /// <summary>The heading row: the rows' heading, then each column's heading box (or fixed text) with its remove button.</summary>
        public string HeadRow(string rowHeading)
        {
            var head = new StringBuilder();
            head.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\" class=\"govuk-table__header\">{E(rowHeading)}</th>");
            for (var c = 0; c < grid.Columns.Count; c++)
            {
                head.Append("<th scope=\"col\" class=\"govuk-table__header\">");
                if (fixedColumns is not null)
                {
                    head.Append(E(Heading(c)));
                }
                else
                {
                    head.Append(Box($"{prefix}.Columns[{c}]", $"Heading of column {c + 1}", grid.Columns[c], "govuk-input--width-5", ""));
                    if (grid.Columns.Count > 1)
                    {
                        head.Append("<div class=\"govuk-!-margin-top-2\">").Append(Button("Remove", $"column {c + 1} ({Heading(c)})", $"remove-column {table} {c}")).Append("</div>");
                    }
                }

                head.Append("</th>");
            }

            head.Append("<th scope=\"col\" class=\"govuk-table__header\"><span class=\"govuk-visually-hidden\">Remove a row</span></th>");
            return head.ToString();
        }

        /// <summary>Each row: its label box, a box per column, and its remove button.</summary>
        public string BodyRows()
        {
            var body = new StringBuilder();
            for (var r = 0; r < grid.Rows.Count; r++)
            {
                var row = grid.Rows[r];
                var rowName = string.IsNullOrWhiteSpace(row.Label) ? $"Row {r + 1}" : row.Label.Trim();
                body.Append("<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">")
                    .Append(Box($"{prefix}.Rows[{r}].Label", $"Label of row {r + 1}", row.Label, "govuk-input--width-10", ""))
                    .Append("</td>");
                for (var c = 0; c < grid.Columns.Count; c++)
                {
                    body.Append("<td class=\"govuk-table__cell\">")
                        .Append(Box($"{prefix}.Rows[{r}].Values[{c}]", $"{rowName}, {Heading(c)}", row.Values[c], "govuk-input--width-4", "decimal"))
                        .Append("</td>");
                }

                body.Append("<td class=\"govuk-table__cell\">")
                    .Append(grid.Rows.Count > 1 ? Button("Remove", $"row {r + 1} ({rowName})", $"remove-row {table} {r}") : "")
                    .Append("</td></tr>");
            }

            return body.ToString();
        }

        public string Button(string text, string hidden, string command, bool secondary = true) =>
            $"<button type=\"submit\" class=\"govuk-button{(secondary ? " govuk-button--secondary" : "")} govuk-!-margin-bottom-0\" data-module=\"govuk-button\" name=\"{FigureGrid.CommandField}\" value=\"{E(command)}\" formaction=\"{E(anchor)}\">{E(text)}{(hidden.Length == 0 ? "" : $"<span class=\"govuk-visually-hidden\"> {E(hidden)}</span>")}</button>";

        private string Box(string name, string label, string? value, string width, string inputMode)
        {
            var boxId = GovUkHtml.IdFor(name);
            var error = GovUkHtml.ErrorFor(html, name);
            if (error is not null)
            {
                Errors.Add((boxId, error));
            }

            return $"<label class=\"govuk-label govuk-visually-hidden\" for=\"{boxId}\">{E(label)}</label>"
                + $"<input class=\"govuk-input {width}{(error is null ? "" : " govuk-input--error")}\" id=\"{boxId}\" name=\"{E(name)}\" type=\"text\" value=\"{E(value)}\" spellcheck=\"false\" autocomplete=\"off\"{(inputMode.Length == 0 ? "" : $" inputmode=\"{inputMode}\"")}{(error is null ? "" : $" aria-describedby=\"{boxId}-error\"")}>";
        }

        private string Heading(int c) => fixedColumns is not null ? fixedColumns[Math.Min(c, fixedColumns.Count - 1)] : string.IsNullOrWhiteSpace(grid.Columns[c]) ? $"column {c + 1}" : grid.Columns[c]!.Trim();
    }

    private static string E(string? text) => HtmlEncoder.Default.Encode(text ?? "");
}
