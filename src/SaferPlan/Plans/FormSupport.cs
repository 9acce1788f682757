using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using SaferPlan.Core.Editing;
using SaferPlan.Core.Partnerships;
using SaferPlan.Shared;

namespace SaferPlan.Plans;

/// <summary>What the plan forms share: choices, number parsing and showing the editor's errors on the page.</summary>
public static class FormSupport
{
    public static IEnumerable<Choice> Markings =>
    [
        new("Official", "Official", "May be published"),
        new("Restricted", "Restricted", "Never shown on public pages, the public API or published documents"),
    ];

    public static IEnumerable<Choice> MeasurementKinds =>
    [
        new("YesNo", "Yes or no"),
        new("Count", "A count"),
        new("Percentage", "A percentage"),
        new("Money", "An amount of money"),
        new("Text", "Text"),
    ];

    public static IEnumerable<Choice> PeopleChoices(IEnumerable<Person> people) =>
        new[] { new Choice("", "No lead officer") }.Concat(people.Select(p => new Choice(
            p.Id.ToString(CultureInfo.InvariantCulture), p.RoleTitle is null ? p.Name : $"{p.Name}, {p.RoleTitle}")));

    /// <summary>Reads an optional whole number from a form field, adding an error if it is not one.</summary>
    public static int? OptionalNumber(ModelStateDictionary state, string field, string? text, string message)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        state.AddModelError(field, message);
        return null;
    }

    public static T ParseEnum<T>(ModelStateDictionary state, string field, string? text, string message)
        where T : struct, Enum
    {
        if (Enum.TryParse<T>(text, out var value) && Enum.IsDefined(value))
        {
            return value;
        }

        state.AddModelError(field, message);
        return default;
    }

    /// <summary>
    /// When some boxes could not be read, shows what the editor's check found in the rest, so the page shows every
    /// error at once rather than one round at a time.
    /// </summary>
    public static void AddRemainingErrors(ModelStateDictionary state, IReadOnlyDictionary<string, string> errors)
    {
        foreach (var (field, message) in errors)
        {
            var key = $"Input.{field}";
            if (!state.TryGetValue(key, out var entry) || entry.Errors.Count == 0)
            {
                state.AddModelError(key, message);
            }
        }
    }

    /// <summary>Puts the editor's validation errors against the form's fields, or its message in the error summary.</summary>
    public static void AddErrors<T>(ModelStateDictionary state, EditResult<T> result, string prefix = "Input")
    {
        if (result.Errors.Count == 0)
        {
            state.AddModelError(string.Empty, result.Message ?? "Your change could not be saved.");
            return;
        }

        foreach (var (field, message) in result.Errors)
        {
            state.AddModelError($"{prefix}.{field}", message);
        }
    }

    public static string Label(string field) => field switch
    {
        "WhatWeWillDo" => "What we will do",
        "MeasuringSuccess" => "How we will measure success",
        "DataUsed" => "Data used",
        "LeadOfficerId" => "Lead officer",
        "LeadAgency" => "Lead agency",
        "OtherPartners" => "Other partners",
        "MeasurementKind" => "Measurement kind",
        "DueQuarters" => "Due quarters",
        "SortOrder" => "Position",
        "CrossReferenceText" => "Cross-reference",
        "CrossReferencePriorityNumber" => "Cross-reference to priority",
        "CrossReferenceActionNumber" => "Cross-reference to action",
        "PriorityId" => "Priority",
        "ActionId" => "Action",
        "EditionId" => "Edition",
        "BodyId" => "Body",
        _ => field,
    };
}
