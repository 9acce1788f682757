using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace SaferPlan.Shared;

public sealed record Choice(string Value, string Text, string? Hint = null);

/// <summary>The three boxes of a GOV.UK date input, as typed.</summary>
public sealed class DateParts
{
    public string? Day { get; set; }

    public string? Month { get; set; }

    public string? Year { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    public static DateParts From(DateOnly? date) => date is { } d
        ? new DateParts { Day = d.Day.ToString(System.Globalization.CultureInfo.InvariantCulture), Month = d.Month.ToString(System.Globalization.CultureInfo.InvariantCulture), Year = d.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) }
        : new DateParts();

    /// <summary>
    /// The date, or null with a GOV.UK-worded reason (none when nothing was typed): what is missing ("must include a day and
    /// month"), a year not of 4 numbers, or a date that does not exist. The month may be a number or a name ("4", "Apr",
    /// "April"), as GOV.UK's date pattern accepts.
    /// </summary>
    public DateOnly? Parse(string what, out string? error)
    {
        error = null;
        if (IsEmpty)
        {
            return null;
        }

        if (Missing() is { Count: > 0 } missing)
        {
            error = $"{what} must include a {string.Join(" and ", missing.Select(p => p.ToLowerInvariant()))}";
            return null;
        }

        if (!IsFourDigitYear(out var year))
        {
            error = $"{what} must have a year of 4 numbers, like 2011";
            return null;
        }

        if (!int.TryParse(Day?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var day) || MonthNumber(Month) is not { } month
            || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            error = $"{what} must be a real date, like 8 4 2011";
            return null;
        }

        return new DateOnly(year, month, day);
    }

    /// <summary>
    /// The boxes to show in error when <see cref="Parse"/> refused the date: the missing ones, else the year if it is not of 4
    /// numbers, else all three (GOV.UK: highlight just the field with the problem when there is one).
    /// </summary>
    public IReadOnlyList<string> PartsInError() =>
        Missing() is { Count: > 0 } missing ? missing : !IsFourDigitYear(out _) ? ["Year"] : ["Day", "Month", "Year"];

    private List<string> Missing() =>
        new[] { ("Day", Day), ("Month", Month), ("Year", Year) }.Where(p => string.IsNullOrWhiteSpace(p.Item2)).Select(p => p.Item1).ToList();

    private bool IsFourDigitYear(out int year) =>
        int.TryParse(Year?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out year) && Year!.Trim().Length == 4 && year >= 1900;

    private static int? MonthNumber(string? text)
    {
        var typed = text?.Trim() ?? "";
        if (int.TryParse(typed, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number is >= 1 and <= 12 ? number : null;
        }

        var names = CultureInfo.GetCultureInfo("en-GB").DateTimeFormat;
        for (var m = 1; m <= 12; m++)
        {
            if (typed.Length >= 3 && (string.Equals(typed, names.GetMonthName(m), StringComparison.OrdinalIgnoreCase)
                || string.Equals(typed, names.GetAbbreviatedMonthName(m).TrimEnd('.'), StringComparison.OrdinalIgnoreCase)))
            {
                return m;
            }
        }

        return null;
    }

    /// <summary>As <see cref="Parse"/>, with the reason put against the form's <paramref name="field"/>; false when the boxes are not a date.</summary>
    public bool TryRead(ModelStateDictionary state, string field, string what, out DateOnly? date)
    {
        date = Parse(what, out var error);
        if (error is not null)
        {
            state.AddModelError(field, error);
        }

        return error is null;
    }

    /// <summary>As <see cref="TryRead"/>, for a form that goes on to show every error at once.</summary>
    public DateOnly? Read(ModelStateDictionary state, string field, string what) => TryRead(state, field, what, out var date) ? date : null;
}

/// <summary>GOV.UK Design System form fields, with their error messages from model state.</summary>
public static class GovUkHtml
{
    public static string IdFor(string name) => name.Replace('.', '-').Replace('[', '-').Replace(']', '-');

    public static IHtmlContent TextInput(this IHtmlHelper html, string name, string label, string? value, string? hint = null, string width = "", string inputMode = "", string autocomplete = "off", string type = "text") =>
        Field(html, name, label, hint, (id, describedBy, error) =>
            $"<input class=\"govuk-input {width}{(error ? " govuk-input--error" : "")}\" id=\"{id}\" name=\"{E(name)}\" type=\"{type}\" value=\"{E(value)}\"{Attr("aria-describedby", describedBy)}{Attr("inputmode", inputMode)}{Attr("autocomplete", autocomplete)}{(type == "text" ? " spellcheck=\"false\"" : "")}>");

    public static IHtmlContent TextArea(this IHtmlHelper html, string name, string label, string? value, string? hint = null, int rows = 5) =>
        Field(html, name, label, hint, (id, describedBy, error) =>
            $"<textarea class=\"govuk-textarea{(error ? " govuk-textarea--error" : "")}\" id=\"{id}\" name=\"{E(name)}\" rows=\"{rows}\"{Attr("aria-describedby", describedBy)}>{E(value)}</textarea>");

    public static IHtmlContent Select(this IHtmlHelper html, string name, string label, string? value, IEnumerable<Choice> choices, string? hint = null) =>
        Field(html, name, label, hint, (id, describedBy, error) =>
            $"<select class=\"govuk-select{(error ? " govuk-select--error" : "")}\" id=\"{id}\" name=\"{E(name)}\"{Attr("aria-describedby", describedBy)}>"
            + string.Concat(choices.Select(c => $"<option value=\"{E(c.Value)}\"{(c.Value == (value ?? "") ? " selected" : "")}>{E(c.Text)}</option>"))
            + "</select>");

    public static IHtmlContent Radios(this IHtmlHelper html, string name, string legend, string? value, IEnumerable<Choice> choices, string? hint = null, bool inline = false)
    {
        var id = IdFor(name);
        var error = ErrorFor(html, name);
        var describedBy = string.Join(' ', new[] { hint is null ? null : $"{id}-hint", error is null ? null : $"{id}-error" }.OfType<string>());
        var items = choices.Select((c, i) =>
        {
            var itemId = i == 0 ? id : $"{id}-{i + 1}";
            var itemHint = c.Hint is null ? "" : $"<div id=\"{itemId}-item-hint\" class=\"govuk-hint govuk-radios__hint\">{E(c.Hint)}</div>";
            return $"<div class=\"govuk-radios__item\"><input class=\"govuk-radios__input\" id=\"{itemId}\" name=\"{E(name)}\" type=\"radio\" value=\"{E(c.Value)}\"{(c.Value == value ? " checked" : "")}{(c.Hint is null ? "" : $" aria-describedby=\"{itemId}-item-hint\"")}><label class=\"govuk-label govuk-radios__label\" for=\"{itemId}\">{E(c.Text)}</label>{itemHint}</div>";
        });
        return new HtmlString(
            $"<div class=\"govuk-form-group{(error is null ? "" : " govuk-form-group--error")}\"><fieldset class=\"govuk-fieldset\"{Attr("aria-describedby", describedBy)}>"
            + $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{E(legend)}</legend>"
            + (hint is null ? "" : $"<div id=\"{id}-hint\" class=\"govuk-hint\">{E(hint)}</div>")
            + ErrorMessage(id, error)
            + $"<div class=\"govuk-radios{(inline ? " govuk-radios--inline" : "")}\" data-module=\"govuk-radios\">{string.Concat(items)}</div></fieldset></div>");
    }

    /// <summary>GOV.UK checkboxes, each posting its value under <paramref name="name"/>; those in <paramref name="values"/> ticked.</summary>
    public static IHtmlContent Checkboxes(this IHtmlHelper html, string name, string legend, IReadOnlyCollection<string> values, IEnumerable<Choice> choices, string? hint = null)
    {
        var id = IdFor(name);
        var error = ErrorFor(html, name);
        var describedBy = string.Join(' ', new[] { hint is null ? null : $"{id}-hint", error is null ? null : $"{id}-error" }.OfType<string>());
        var items = choices.Select((c, i) =>
        {
            var itemId = i == 0 ? id : $"{id}-{i + 1}";
            return $"<div class=\"govuk-checkboxes__item\"><input class=\"govuk-checkboxes__input\" id=\"{itemId}\" name=\"{E(name)}\" type=\"checkbox\" value=\"{E(c.Value)}\"{(values.Contains(c.Value) ? " checked" : "")}><label class=\"govuk-label govuk-checkboxes__label\" for=\"{itemId}\">{E(c.Text)}</label></div>";
        });
        return new HtmlString(
            $"<div class=\"govuk-form-group{(error is null ? "" : " govuk-form-group--error")}\"><fieldset class=\"govuk-fieldset\"{Attr("aria-describedby", describedBy)}>"
            + $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{E(legend)}</legend>"
            + (hint is null ? "" : $"<div id=\"{id}-hint\" class=\"govuk-hint\">{E(hint)}</div>")
            + ErrorMessage(id, error)
            + $"<div class=\"govuk-checkboxes govuk-checkboxes--small\" data-module=\"govuk-checkboxes\">{string.Concat(items)}</div></fieldset></div>");
    }

    /// <summary>A GOV.UK date input: day, month and year fields named <c>{name}.Day</c>, <c>.Month</c> and <c>.Year</c>.</summary>
    public static IHtmlContent DateInput(this IHtmlHelper html, string name, string legend, DateParts? value, string? hint = null)
    {
        var id = IdFor(name);

        // The error summary's link goes to the first box in error, as GOV.UK's date input does: a link to the group would move focus nowhere.
        var error = ErrorFor(html, name, $"{id}-{(value is { IsEmpty: false } ? value.PartsInError()[0] : "Day").ToLowerInvariant()}");
        var describedBy = string.Join(' ', new[] { hint is null ? null : $"{id}-hint", error is null ? null : $"{id}-error" }.OfType<string>());
        var inError = error is null ? [] : (value ?? new DateParts()).PartsInError();
        string Part(string part, string label, string? partValue, string width, string autocomplete) =>
            $"<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\"><label class=\"govuk-label govuk-date-input__label\" for=\"{id}-{part.ToLowerInvariant()}\">{label}</label>"
            + $"<input class=\"govuk-input govuk-date-input__input {width}{(inError.Contains(part) ? " govuk-input--error" : "")}\" id=\"{id}-{part.ToLowerInvariant()}\" name=\"{E(name)}.{part}\" type=\"text\" inputmode=\"numeric\" value=\"{E(partValue)}\"{Attr("autocomplete", autocomplete)}></div></div>";
        return new HtmlString(
            $"<div class=\"govuk-form-group{(error is null ? "" : " govuk-form-group--error")}\"><fieldset class=\"govuk-fieldset\" role=\"group\"{Attr("aria-describedby", describedBy)}>"
            + $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{E(legend)}</legend>"
            + (hint is null ? "" : $"<div id=\"{id}-hint\" class=\"govuk-hint\">{E(hint)}</div>")
            + ErrorMessage(id, error)
            + $"<div class=\"govuk-date-input\" id=\"{id}\">"
            + Part("Day", "Day", value?.Day, "govuk-input--width-2", "off")
            + Part("Month", "Month", value?.Month, "govuk-input--width-2", "off")
            + Part("Year", "Year", value?.Year, "govuk-input--width-4", "off")
            + "</div></fieldset></div>");
    }

    /// <summary>
    /// A field's error message, or null. Every field calls this as it renders, so it also records the field's place on the form
    /// and the element its error summary link goes to (<paramref name="anchor"/>, else the field's own id): the page is
    /// rendered before its layout, and the layout's error summary lists the errors in that order (<see cref="ErrorsInFieldOrder"/>).
    /// </summary>
    public static string? ErrorFor(IHtmlHelper html, string name, string? anchor = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        var items = html.ViewContext.HttpContext.Items;
        if (items[FieldOrderKey] is not List<(string Name, string Anchor)> order)
        {
            items[FieldOrderKey] = order = [];
        }

        order.Add((name, anchor ?? IdFor(name)));
        return html.ViewData.ModelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
    }

    /// <summary>
    /// The page's errors for its error summary, in the order their fields appear on the form. Errors of no field on the form
    /// (a version conflict, a refusal) come first, as they concern the whole form.
    /// </summary>
    /// <returns>Each error with the id of the element its summary link goes to.</returns>
    public static IReadOnlyList<(string Anchor, string Message)> ErrorsInFieldOrder(ViewContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var order = context.HttpContext.Items[FieldOrderKey] as List<(string Name, string Anchor)> ?? [];
        return context.ModelState
            .SelectMany(e => e.Value?.Errors.Select(error => (e.Key, error.ErrorMessage)) ?? [])
            .Select((error, i) => (error, i, place: order.FindIndex(f => f.Name == error.Key)))
            .OrderBy(x => x.place)
            .ThenBy(x => x.i)
            .Select(x => (x.place >= 0 ? order[x.place].Anchor : IdFor(x.error.Key), x.error.ErrorMessage))
            .ToList();
    }

    private static readonly object FieldOrderKey = new();

    private static HtmlString Field(IHtmlHelper html, string name, string label, string? hint, Func<string, string, bool, string> control)
    {
        var id = IdFor(name);
        var error = ErrorFor(html, name);
        var describedBy = string.Join(' ', new[] { hint is null ? null : $"{id}-hint", error is null ? null : $"{id}-error" }.OfType<string>());
        return new HtmlString(
            $"<div class=\"govuk-form-group{(error is null ? "" : " govuk-form-group--error")}\">"
            + $"<label class=\"govuk-label govuk-label--s\" for=\"{id}\">{E(label)}</label>"
            + (hint is null ? "" : $"<div id=\"{id}-hint\" class=\"govuk-hint\">{E(hint)}</div>")
            + ErrorMessage(id, error)
            + control(id, describedBy, error is not null)
            + "</div>");
    }

    private static string ErrorMessage(string id, string? error) =>
        error is null ? "" : $"<p id=\"{id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {E(error)}</p>";

    private static string Attr(string name, string? value) => string.IsNullOrEmpty(value) ? "" : $" {name}=\"{E(value)}\"";

    private static string E(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    /// <summary>Plan text as paragraphs and bulleted lists: a blank line separates paragraphs, "- " starts a bullet.</summary>
    public static IHtmlContent Prose(this IHtmlHelper html, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return HtmlString.Empty;
        }

        var builder = new HtmlContentBuilder();
        foreach (var block in text.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var lines = block.Split('\n', StringSplitOptions.TrimEntries);
            if (lines.All(l => l.StartsWith("- ", StringComparison.Ordinal)))
            {
                builder.AppendHtml("<ul class=\"govuk-list govuk-list--bullet\">");
                foreach (var line in lines)
                {
                    builder.AppendHtml("<li>").Append(line[2..]).AppendHtml("</li>");
                }

                builder.AppendHtml("</ul>");
            }
            else
            {
                builder.AppendHtml("<p class=\"govuk-body\">");
                for (var i = 0; i < lines.Length; i++)
                {
                    if (i > 0)
                    {
                        builder.AppendHtml("<br>");
                    }

                    builder.Append(lines[i]);
                }

                builder.AppendHtml("</p>");
            }
        }

        return builder;
    }

    public static IEnumerable<Choice> EnumChoices<T>(Func<T, string> text)
        where T : struct, Enum => Enum.GetValues<T>().Select(v => new Choice(v.ToString(), text(v)));

    public static bool HasErrors(this ViewDataDictionary viewData) => viewData.ModelState.ErrorCount > 0;
}
