using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace SaferPlan.Shared;

/// <summary>What the forms share: choices offered in several forms, reading numbers and options from boxes, and boxes' labels.</summary>
public static class FormFields
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

    /// <summary>
    /// The id chosen in a select of items: null for the empty choice ("none", "the whole plan"), and for a choice that is no
    /// id at all, 0, which is no item's id, so the editor refuses it on the box by name instead of saving "none" in its place.
    /// </summary>
    public static int? ChosenId(string? value) =>
        string.IsNullOrEmpty(value) ? null : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0;

    /// <summary>
    /// The plan item chosen in a select of "p12", "a30" and "m77" (a priority, action or milestone), read as
    /// <see cref="ChosenId"/> reads an id: the empty choice is none of them, and a choice it cannot read is priority 0.
    /// </summary>
    public static (int? PriorityId, int? ActionId, int? MilestoneId) ChosenItem(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return (null, null, null);
        }

        var id = value.Length > 1 ? ChosenId(value[1..]) ?? 0 : 0;
        return value[0] switch
        {
            'a' when id > 0 => (null, id, null),
            'm' when id > 0 => (null, null, id),
            _ => (value[0] == 'p' ? id : 0, null, null),
        };
    }

    /// <summary>Reads a yes-or-no question's radios ("true" or "false"), adding an error when neither was chosen.</summary>
    public static bool? YesOrNo(ModelStateDictionary state, string field, string? text, string message)
    {
        switch (text)
        {
            case "true":
                return true;
            case "false":
                return false;
            default:
                state.AddModelError(field, message);
                return null;
        }
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
