using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace SaferPlan.Shared;

public sealed record Choice(string Value, string Text, string? Hint = null);

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

    public static string? ErrorFor(IHtmlHelper html, string name) =>
        html.ViewData.ModelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

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
