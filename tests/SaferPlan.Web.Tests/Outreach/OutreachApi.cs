namespace SaferPlan.Web.Tests.Outreach;

// The reminders and update links API's JSON as its tests read it: the tests' own description of the documented contract,
// kept apart from the app's types so a property renamed in the app fails a read (see PlanApi.Contract). Only what tests look at.

/// <summary>What POST /api/partnerships/{slug}/periods/{period}/reminders did: who was e-mailed, who has no address, and who was reminded in the last day.</summary>
internal sealed record ReminderResultJson(
    string Period, int Emailed, IReadOnlyList<ReminderRecipientJson> Recipients, IReadOnlyList<ReminderPersonJson> SkippedNoEmail,
    IReadOnlyList<ReminderPersonJson> SkippedRecentlyReminded, bool EmailConfigured);

/// <summary>What GET /api/partnerships/{slug}/periods/{period}/reminders says a send would do now.</summary>
internal sealed record ReminderPlanJson(string Period, IReadOnlyList<ReminderPersonJson> WithEmail, IReadOnlyList<RecentReminderJson> RecentlyReminded);

/// <summary>A person reminded of the quarter in the last day, and when.</summary>
internal sealed record RecentReminderJson(int PersonId, string Name, DateTimeOffset RemindedAt);

/// <summary>A person e-mailed a reminder, with the personal link made for them.</summary>
internal sealed record ReminderRecipientJson(int PersonId, string Name, string Email, int LinkId, IReadOnlyList<string> Milestones);

/// <summary>A person with milestones to report on, and no e-mail address.</summary>
internal sealed record ReminderPersonJson(int PersonId, string Name, IReadOnlyList<string> Milestones);

/// <summary>One of GET /api/partnerships/{slug}/periods/{period}/update-links.</summary>
internal sealed record UpdateLinkJson(int Id, string Person, string Period, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt);
