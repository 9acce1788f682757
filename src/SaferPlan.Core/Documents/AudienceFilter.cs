namespace SaferPlan.Core.Documents;

/// <summary>
/// The one place a document decides what its audience sees: the public version shows Official items only, with every
/// e-mail address cut to the part before the @; the full version shows everything and remembers whether it showed
/// anything Restricted (so the document says so and is marked accordingly).
/// </summary>
internal sealed class AudienceFilter(bool isPublic)
{
    public bool IsPublic => isPublic;

    public bool RestrictedShown { get; private set; }

    public bool Shown(ProtectiveMarking marking)
    {
        if (marking == ProtectiveMarking.Official)
        {
            return true;
        }

        if (isPublic)
        {
            return false;
        }

        RestrictedShown = true;
        return true;
    }

    /// <summary>A text for this audience: cleaned for the document, e-mail addresses hidden in the public version.</summary>
    public string? Of(string? value)
    {
        var clean = ReportText.Clean(value);
        return isPublic ? Accounts.EmailAddresses.Hide(clean) : clean;
    }
}
