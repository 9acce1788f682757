using System.Diagnostics.CodeAnalysis;

namespace SaferPlan.Core.Panels;

/// <summary>A panel: its name, the wards it covers (one per line, or separated by semicolons) and its policing team.</summary>
public sealed record PanelInput(string? Name, string? Wards, string? PolicingTeam);

public sealed record PanelMeetingInput(DateOnly? HeldOn, string? Place);

/// <summary>
/// A priority set at a panel meeting. <paramref name="Route"/> is "NeighbourhoodPolicing", "AsbTaskGroup" or
/// "PartnerAgency"; the ASB task group route names the body (the partnership's "asb-task-group" when none is named), the
/// partner agency route the contact person.
/// </summary>
public sealed record PanelPriorityInput(int? RaisedAtId, string? Text, string? Ward, string? Route, int? RouteBodyId, int? RouteContactId, ProtectiveMarking? Marking = null);

public sealed record PanelActionInput(DateOnly? TakenOn, string? Text, string? TakenBy);

/// <summary>The outcome reported back: at which later meeting of the same panel, and what was said.</summary>
public sealed record ReportBackInput(int? MeetingId, string? Text);

/// <summary>A panel as checked: what an add or change writes.</summary>
public sealed record PanelFields(string Name, string WardList, string? PolicingTeam);

public sealed record PanelMeetingFields(DateOnly HeldOn, string Place);

/// <summary>A priority as checked; <paramref name="Marking"/> is null where the input left it as it was.</summary>
public sealed record PanelPriorityFields(int RaisedAtId, string Text, string? Ward, PanelRoute Route, int? RouteBodyId, int? RouteContactId, ProtectiveMarking? Marking);

/// <summary>An action as checked; <paramref name="TakenBy"/> is null where the input named no one.</summary>
public sealed record PanelActionFields(DateOnly TakenOn, string Text, string? TakenBy);

public sealed record ReportBackFields(int MeetingId, string Text);

/// <summary>
/// Checked, versioned and audited edits of neighbourhood panels: panels, meetings and priorities by the partnership's
/// support officers and administrators; actions and report-backs also by the lead officers who hold a priority where
/// it was routed (see <see cref="Permissions.CanRecordPanelAction"/>).
/// </summary>
public sealed class PanelEditor(SaferPlanDbContext db, PanelReader reader)
{
    public const int TextLength = 4000;
    public const int NameLength = 200;

    /// <summary>The body the ASB task group route takes when the input names none.</summary>
    public const string AsbTaskGroupKey = "asb-task-group";

    private const string EditRefusal = "Only the partnership's support officers and administrators can change its neighbourhood panels.";

    public async Task<EditResult<NeighbourhoodPanel>> AddPanelAsync(string slug, PanelInput input, UserContext user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var partnershipId = await db.Partnerships.Where(p => p.Slug == slug).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        if (partnershipId is not { } pid)
        {
            return EditResult<NeighbourhoodPanel>.NotFound($"There is no partnership '{slug}'.");
        }

        if (!Permissions.CanEditPanels(user, pid))
        {
            return EditResult<NeighbourhoodPanel>.Forbidden(EditRefusal);
        }

        if ((await CheckPanelAsync(pid, null, input, ct)).Refused(out var fields, out EditResult<NeighbourhoodPanel>? invalid))
        {
            return invalid;
        }

        var panel = new NeighbourhoodPanel { PartnershipId = pid, Name = fields.Name, WardList = fields.WardList, PolicingTeam = fields.PolicingTeam };
        db.Add(panel);
        return await db.SaveEditAsync(panel, null, new EditSave(pid, "panel") { Clash = $"The partnership already has a panel called {panel.Name}." }, ct);
    }

    public async Task<EditResult<NeighbourhoodPanel>> UpdatePanelAsync(int panelId, PanelInput input, int expectedVersion, UserContext user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var panel = await db.Set<NeighbourhoodPanel>().FirstOrDefaultAsync(p => p.Id == panelId, ct);
        if (Refused(panel, x => x.PartnershipId, user, $"There is no panel {panelId}.", out EditResult<NeighbourhoodPanel>? refusal))
        {
            return refusal;
        }

        if ((await CheckPanelAsync(panel.PartnershipId, panel.Id, input, ct)).Refused(out var fields, out refusal))
        {
            return refusal;
        }

        return await db.SaveEditAsync(panel, expectedVersion, new EditSave(panel.PartnershipId, "panel")
        {
            Change = () =>
            {
                panel.Name = fields.Name;
                panel.WardList = fields.WardList;
                panel.PolicingTeam = fields.PolicingTeam;
            },
            Clash = $"The partnership already has a panel called {fields.Name}.",
        }, ct);
    }

    public async Task<EditResult<PanelMeeting>> AddMeetingAsync(int panelId, PanelMeetingInput input, UserContext user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var panel = await db.Set<NeighbourhoodPanel>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == panelId, ct);
        if (Refused(panel, x => x.PartnershipId, user, $"There is no panel {panelId}.", out EditResult<PanelMeeting>? refusal))
        {
            return refusal;
        }

        if (CheckMeeting(input).Refused(out var fields, out refusal))
        {
            return refusal;
        }

        var meeting = new PanelMeeting { PanelId = panelId, HeldOn = fields.HeldOn, Place = fields.Place };
        db.Add(meeting);
        return await db.SaveEditAsync(meeting, null, new EditSave(panel.PartnershipId, "panel meeting"), ct);
    }

    /// <summary>
    /// Moves a meeting to another date or place. Its date must keep every priority's report-back after the meeting it was
    /// raised at: a priority raised here is reported back later, one reported back here was raised earlier.
    /// </summary>
    public async Task<EditResult<PanelMeeting>> UpdateMeetingAsync(int meetingId, PanelMeetingInput input, int expectedVersion, UserContext user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if ((await EditableMeetingAsync(meetingId, user, ct)).Refused(out var meeting, out var refusal))
        {
            return refusal;
        }

        var checkedMeeting = CheckMeeting(input);
        if (input.HeldOn is { } heldOn)
        {
            var reportedLater = await db.Set<PanelPriority>().Where(p => p.RaisedAtId == meetingId && p.ReportedBackAt != null && p.ReportedBackAt.HeldOn <= heldOn)
                .Select(p => p.ReportedBackAt!.HeldOn).OrderBy(d => d).FirstOrDefaultAsync(ct);
            var raisedEarlier = await db.Set<PanelPriority>().Where(p => p.ReportedBackAtId == meetingId && p.RaisedAt.HeldOn >= heldOn)
                .Select(p => p.RaisedAt.HeldOn).OrderByDescending(d => d).FirstOrDefaultAsync(ct);
            if (reportedLater != default)
            {
                checkedMeeting = checkedMeeting.WithError("HeldOn", $"Enter a date before {Dates.Display(reportedLater)}: a priority raised at this meeting was reported back at the panel on that day");
            }
            else if (raisedEarlier != default)
            {
                checkedMeeting = checkedMeeting.WithError("HeldOn", $"Enter a date after {Dates.Display(raisedEarlier)}: a priority reported back at this meeting was raised at the panel on that day");
            }
        }

        if (checkedMeeting.Refused(out var fields, out refusal))
        {
            return refusal;
        }

        return await db.SaveEditAsync(meeting, expectedVersion, new EditSave(meeting.Panel.PartnershipId, "panel meeting")
        {
            Change = () =>
            {
                meeting.HeldOn = fields.HeldOn;
                meeting.Place = fields.Place;
            },
        }, ct);
    }

    /// <summary>Deletes a meeting no priority was raised or reported back at (those are moved or deleted first).</summary>
    public async Task<EditResult<PanelMeeting>> DeleteMeetingAsync(int meetingId, int expectedVersion, UserContext user, CancellationToken ct = default)
    {
        if ((await EditableMeetingAsync(meetingId, user, ct)).Refused(out var meeting, out var refusal))
        {
            return refusal;
        }

        var raised = await db.Set<PanelPriority>().CountAsync(p => p.RaisedAtId == meetingId, ct);
        var reported = await db.Set<PanelPriority>().CountAsync(p => p.ReportedBackAtId == meetingId, ct);
        if (raised + reported > 0)
        {
            return EditResult<PanelMeeting>.Conflict(MeetingInUse(raised, reported));
        }

        return await db.SaveEditAsync(meeting, expectedVersion, new EditSave(meeting.Panel.PartnershipId, "panel meeting") { Change = () => db.Remove(meeting) }, ct);
    }

    /// <summary>Why a meeting cannot be deleted yet (empty when it can), from the priorities set and reported back at it.</summary>
    public static string MeetingInUse(int raised, int reportedBack) =>
        (raised, reportedBack) switch
        {
            (0, 0) => "",
            (_, 0) => $"{Plural(raised, "priority was", "priorities were")} set at this meeting: change {(raised == 1 ? "it" : "them")} to another meeting or delete {(raised == 1 ? "it" : "them")} first.",
            (0, _) => $"{Plural(reportedBack, "priority was", "priorities were")} reported back at this meeting: it cannot be deleted while that report back stands.",
            _ => $"{Plural(raised, "priority was", "priorities were")} set and {Plural(reportedBack, "was", "were")} reported back at this meeting: change or delete those priorities first.",
        };

    /// <summary>Deletes a priority with the actions recorded on it.</summary>
    public async Task<EditResult<PanelPriority>> DeletePriorityAsync(int priorityId, int expectedVersion, UserContext user, CancellationToken ct = default)
    {
        var priority = await db.Set<PanelPriority>().Include(p => p.Panel).Include(p => p.Actions).FirstOrDefaultAsync(p => p.Id == priorityId, ct);
        if (Refused(priority, x => x.Panel.PartnershipId, user, $"There is no panel priority {priorityId}.", out EditResult<PanelPriority>? refusal))
        {
            return refusal;
        }

        return await db.SaveEditAsync(priority, expectedVersion, new EditSave(priority.Panel.PartnershipId, "panel priority")
        {
            Change = () =>
            {
                db.RemoveRange(priority.Actions);
                db.Remove(priority);
            },
        }, ct);
    }

    /// <summary>The priority an action belongs to, if the user may act on it; an unknown action, or one of a priority they cannot see, is not found.</summary>
    private async Task<EditResult<PanelPriority>> ActionPriorityAsync(int actionId, UserContext user, CancellationToken ct)
    {
        var notFound = EditResult<PanelPriority>.NotFound($"There is no panel action {actionId}.");
        var priorityId = await db.Set<PanelAction>().Where(a => a.Id == actionId).Select(a => (int?)a.PriorityId).FirstOrDefaultAsync(ct);
        if (priorityId is null)
        {
            return notFound;
        }

        var priority = await ActableAsync(priorityId.Value, user, ct);
        return priority.Status == EditStatus.NotFound ? notFound : priority;
    }

    /// <summary>Deletes an action; a priority left with none, and not yet reported back, is Open again.</summary>
    public async Task<EditResult<PanelAction>> DeleteActionAsync(int actionId, int expectedVersion, UserContext user, CancellationToken ct = default)
    {
        if ((await ActionPriorityAsync(actionId, user, ct)).Refused(out var priority, out EditResult<PanelAction>? refusal))
        {
            return refusal;
        }

        var action = await db.Set<PanelAction>().FirstAsync(a => a.Id == actionId, ct);
        var others = await db.Set<PanelAction>().CountAsync(a => a.PriorityId == priority.Id && a.Id != actionId, ct);
        return await db.SaveEditAsync(action, expectedVersion, new EditSave(priority.Panel.PartnershipId, "panel action")
        {
            Change = () =>
            {
                db.Remove(action);
                if (others == 0 && priority.Status == PanelPriorityStatus.Actioned)
                {
                    priority.Status = PanelPriorityStatus.Open;
                }
            },
        }, ct);
    }

    /// <summary>The meeting, tracked, once the user may change it; else the refusal.</summary>
    private async Task<EditResult<PanelMeeting>> EditableMeetingAsync(int meetingId, UserContext user, CancellationToken ct)
    {
        var meeting = await db.Set<PanelMeeting>().Include(m => m.Panel).FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        return Refused(meeting, m => m.Panel.PartnershipId, user, $"There is no panel meeting {meetingId}.", out EditResult<PanelMeeting>? refusal) ? refusal : EditResult<PanelMeeting>.Ok(meeting);
    }

    /// <summary>
    /// Whether this user is refused a change to a panel or one of its records: not found when it is missing or not theirs
    /// to read (<paramref name="notFound"/>), forbidden when it is not theirs to change.
    /// </summary>
    private static bool Refused<TItem, TResult>([NotNullWhen(false)] TItem? item, Func<TItem, int> partnershipId, UserContext user, string notFound, [NotNullWhen(true)] out EditResult<TResult>? refusal)
        where TItem : class
    {
        refusal = item is null || !Permissions.CanReadPanels(user, partnershipId(item)) ? EditResult<TResult>.NotFound(notFound)
            : !Permissions.CanEditPanels(user, partnershipId(item)) ? EditResult<TResult>.Forbidden(EditRefusal)
            : null;
        return refusal is not null;
    }

    /// <summary>What is wrong with a panel meeting's details as written, by field, or the meeting as checked; nothing is saved.</summary>
    public static EditResult<PanelMeetingFields> CheckMeeting(PanelMeetingInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var check = new FieldCheck();
        var heldOn = check.Given("HeldOn", input.HeldOn, "Enter the date of the meeting");
        var place = check.Required("Place", input.Place, NameLength, "Enter where the meeting was held", "The place");
        return check.Result(() => new PanelMeetingFields(heldOn, place));
    }

    private static string Plural(int count, string one, string many) => count == 1 ? $"1 {one}" : $"{count} {many}";

    public async Task<EditResult<PanelPriority>> AddPriorityAsync(int panelId, PanelPriorityInput input, UserContext user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var panel = await db.Set<NeighbourhoodPanel>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == panelId, ct);
        if (Refused(panel, x => x.PartnershipId, user, $"There is no panel {panelId}.", out EditResult<PanelPriority>? refusal))
        {
            return refusal;
        }

        if ((await CheckPriorityAsync(panel, input, ct)).Refused(out var fields, out refusal))
        {
            return refusal;
        }

        var priority = new PanelPriority { PanelId = panelId, Text = "", Marking = ProtectiveMarking.Official, Status = PanelPriorityStatus.Open };
        Write(priority, fields);
        db.Add(priority);
        return await db.SaveEditAsync(priority, null, new EditSave(panel.PartnershipId, "panel priority"), ct);
    }

    public async Task<EditResult<PanelPriority>> UpdatePriorityAsync(int priorityId, PanelPriorityInput input, int expectedVersion, UserContext user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var priority = await db.Set<PanelPriority>().Include(p => p.Panel).FirstOrDefaultAsync(p => p.Id == priorityId, ct);
        if (Refused(priority, x => x.Panel.PartnershipId, user, $"There is no panel priority {priorityId}.", out EditResult<PanelPriority>? refusal))
        {
            return refusal;
        }

        if ((await CheckPriorityAsync(priority.Panel, input, ct)).Refused(out var fields, out refusal))
        {
            return refusal;
        }

        return await db.SaveEditAsync(priority, expectedVersion, new EditSave(priority.Panel.PartnershipId, "panel priority")
        {
            Change = () => Write(priority, fields),
        }, ct);
    }

    /// <summary>A panel priority's checked fields; a marking the form did not send leaves the priority's own.</summary>
    private void Write(PanelPriority priority, PanelPriorityFields fields)
    {
        db.Write(priority, fields, nameof(fields.Marking));
        priority.Marking = fields.Marking ?? priority.Marking;
    }

    /// <summary>Records an action; an open priority becomes Actioned.</summary>
    public async Task<EditResult<PanelAction>> AddActionAsync(int priorityId, PanelActionInput input, UserContext user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if ((await ActableAsync(priorityId, user, ct)).Refused(out var priority, out EditResult<PanelAction>? refusal))
        {
            return refusal;
        }

        if (CheckAction(input).Refused(out var fields, out refusal))
        {
            return refusal;
        }

        var action = new PanelAction { PriorityId = priorityId, TakenOn = fields.TakenOn, Text = fields.Text, TakenBy = fields.TakenBy ?? user.Name };
        db.Add(action);
        if (priority.Status == PanelPriorityStatus.Open)
        {
            priority.Status = PanelPriorityStatus.Actioned;
        }

        return await db.SaveEditAsync(action, null, new EditSave(priority.Panel.PartnershipId, "panel action"), ct);
    }

    public async Task<EditResult<PanelAction>> UpdateActionAsync(int actionId, PanelActionInput input, int expectedVersion, UserContext user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if ((await ActionPriorityAsync(actionId, user, ct)).Refused(out var priority, out EditResult<PanelAction>? refusal))
        {
            return refusal;
        }

        if (CheckAction(input).Refused(out var fields, out refusal))
        {
            return refusal;
        }

        var action = await db.Set<PanelAction>().FirstAsync(a => a.Id == actionId, ct);
        return await db.SaveEditAsync(action, expectedVersion, new EditSave(priority.Panel.PartnershipId, "panel action")
        {
            Change = () =>
            {
                action.TakenOn = fields.TakenOn;
                action.Text = fields.Text;
                action.TakenBy = fields.TakenBy ?? action.TakenBy;
            },
        }, ct);
    }

    /// <summary>Whether a meeting held on <paramref name="heldOn"/> can hear the report back of a priority raised on <paramref name="raisedOn"/>: a later panel.</summary>
    public static bool IsLaterPanel(DateOnly heldOn, DateOnly raisedOn) => heldOn > raisedOn;

    /// <summary>Records the outcome reported back at a later meeting of the same panel; the priority becomes Reported back.</summary>
    public async Task<EditResult<PanelPriority>> ReportBackAsync(int priorityId, ReportBackInput input, int expectedVersion, UserContext user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if ((await ActableAsync(priorityId, user, ct)).Refused(out var priority, out var refusal))
        {
            return refusal;
        }

        var check = new FieldCheck();
        var meetingId = check.Given("MeetingId", input.MeetingId, "Select the panel meeting the outcome was reported back at");
        if (!check.Failed("MeetingId"))
        {
            var meeting = await db.Set<PanelMeeting>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId && m.PanelId == priority.PanelId, ct);
            if (meeting is null)
            {
                check.Add("MeetingId", $"Select a meeting of {priority.Panel.Name}: meeting {meetingId} is not one of its meetings");
            }
            else if (!IsLaterPanel(meeting.HeldOn, priority.RaisedAt.HeldOn))
            {
                check.Add("MeetingId", $"Select a meeting after the one the priority was raised at ({Dates.Display(priority.RaisedAt.HeldOn)}): the outcome is reported back at a later panel");
            }
        }

        var text = check.Required("Text", input.Text, TextLength, "Enter what was reported back to the panel", "The report back");
        if (check.Result(() => new ReportBackFields(meetingId, text)).Refused(out var fields, out refusal))
        {
            return refusal;
        }

        return await db.SaveEditAsync(priority, expectedVersion, new EditSave(priority.Panel.PartnershipId, "panel priority")
        {
            Change = () =>
            {
                priority.ReportedBackAtId = fields.MeetingId;
                priority.ReportBack = fields.Text;
                priority.Status = PanelPriorityStatus.ReportedBack;
            },
        }, ct);
    }

    /// <summary>The priority, tracked, once the user may record its actions; else the refusal.</summary>
    private async Task<EditResult<PanelPriority>> ActableAsync(int priorityId, UserContext user, CancellationToken ct)
    {
        var priority = await db.Set<PanelPriority>().Include(p => p.Panel).Include(p => p.RaisedAt)
            .Include(p => p.RouteBody).ThenInclude(b => b!.MemberAgencies).Include(p => p.RouteContact).ThenInclude(c => c!.Agency)
            .FirstOrDefaultAsync(p => p.Id == priorityId, ct);
        if (priority is null || !Permissions.CanReadPanels(user, priority.Panel.PartnershipId))
        {
            return EditResult<PanelPriority>.NotFound($"There is no panel priority {priorityId}.");
        }

        var holders = PanelReader.HoldersOf(priority, await reader.PoliceAgencyIdsAsync(priority.Panel.PartnershipId, ct));
        return Permissions.CanRecordPanelAction(user, priority.Panel.PartnershipId, holders, await reader.AgencyOfAsync(user, ct))
            ? EditResult<PanelPriority>.Ok(priority)
            : EditResult<PanelPriority>.Forbidden($"Only the partnership's support officers and administrators, and the lead officers of {PanelText.RoutedTo(priority)} (where this priority was routed), can record what was done about it.");
    }

    private async Task<EditResult<PanelFields>> CheckPanelAsync(int partnershipId, int? panelId, PanelInput input, CancellationToken ct)
    {
        var check = new FieldCheck();
        var name = check.Required("Name", input.Name, NameLength, "Enter the panel's name", "The name");
        if (!check.Failed("Name") && await db.Set<NeighbourhoodPanel>().AnyAsync(p => p.PartnershipId == partnershipId && p.Name == name && p.Id != panelId, ct))
        {
            check.Add("Name", $"The partnership already has a panel called {name}");
        }

        var wards = NeighbourhoodPanel.SplitWards(input.Wards);
        var wardList = WardList(input.Wards);
        if (wards.Count == 0)
        {
            check.Add("Wards", "Enter the wards the panel covers, one on each line");
        }
        else if (wardList.Length > TextLength)
        {
            check.Add("Wards", $"The wards must be {TextRules.Limit(TextLength)} characters or fewer");
        }
        else
        {
            // Checked against the area's wards when a ward lookup has been loaded; without one any names are taken.
            var known = await reader.AreaWardsAsync(partnershipId, ct);
            var unknown = known.Count == 0 ? [] : wards.Where(w => !known.Contains(w, StringComparer.OrdinalIgnoreCase)).ToList();
            if (unknown.Count > 0)
            {
                check.Add("Wards", $"Enter wards of the partnership's area as its ward lookup names them: {string.Join(", ", unknown)} {(unknown.Count == 1 ? "is" : "are")} not one of them (for example, {known[0]})");
            }
        }

        var policingTeam = check.Optional("PolicingTeam", input.PolicingTeam, NameLength, "The policing team's name");
        return check.Result(() => new PanelFields(name, wardList, policingTeam));
    }

    /// <summary>Every rule a priority of the panel must meet, saving nothing: what a form shows beside the boxes it could read.</summary>
    public async Task<IReadOnlyDictionary<string, string>> CheckPriorityAsync(int panelId, PanelPriorityInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var panel = await db.Set<NeighbourhoodPanel>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == panelId, ct);
        return panel is null ? new Dictionary<string, string>() : (await CheckPriorityAsync(panel, input, ct)).Errors;
    }

    private async Task<EditResult<PanelPriorityFields>> CheckPriorityAsync(NeighbourhoodPanel panel, PanelPriorityInput input, CancellationToken ct)
    {
        var check = new FieldCheck();
        var raisedAt = check.Given("RaisedAtId", input.RaisedAtId, "Select the panel meeting the priority was set at");
        if (!check.Failed("RaisedAtId") && !await db.Set<PanelMeeting>().AnyAsync(m => m.Id == raisedAt && m.PanelId == panel.Id, ct))
        {
            check.Add("RaisedAtId", $"Select a meeting of {panel.Name}: meeting {raisedAt} is not one of its meetings");
        }

        var text = check.Required("Text", input.Text, TextLength, "Enter the priority the residents set", "The priority");
        var ward = Optional(input.Ward);
        if (ward is not null && !panel.Wards.Contains(ward, StringComparer.OrdinalIgnoreCase))
        {
            check.Add("Ward", $"Select one of the panel's wards ({string.Join(", ", panel.Wards)}), or none for the whole panel area");
        }

        PanelRoute route = default;
        int? bodyId = null, contactId = null;
        if (string.IsNullOrWhiteSpace(input.Route))
        {
            check.Add("Route", "Select where the priority was routed: the neighbourhood policing team, the ASB task group or a partner agency contact");
        }
        else if (!Enum.TryParse(input.Route.Trim(), ignoreCase: true, out route) || !Enum.IsDefined(route) || int.TryParse(input.Route, out _))
        {
            check.Add("Route", $"\"{input.Route.Trim()}\" is not a route: select the neighbourhood policing team (NeighbourhoodPolicing), the ASB task group (AsbTaskGroup) or a partner agency contact (PartnerAgency)");
        }
        else if (route == PanelRoute.AsbTaskGroup)
        {
            var bodies = db.Bodies.Where(b => b.Partnerships.Any(p => p.Id == panel.PartnershipId));
            bodyId = input.RouteBodyId is { } named
                ? await bodies.Where(b => b.Id == named).Select(b => (int?)b.Id).FirstOrDefaultAsync(ct)
                : await bodies.Where(b => b.Key == AsbTaskGroupKey).Select(b => (int?)b.Id).FirstOrDefaultAsync(ct);
            if (bodyId is null)
            {
                check.Add("RouteBodyId", input.RouteBodyId is { } id
                    ? $"Select a body of the partnership: body {id} is not one of them"
                    : "Select the partnership's anti-social behaviour task group");
            }
        }
        else if (route == PanelRoute.PartnerAgency)
        {
            contactId = input.RouteContactId is { } named
                ? await db.People.Where(p => p.Id == named && p.PartnershipId == panel.PartnershipId).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct)
                : null;
            if (contactId is null)
            {
                check.Add("RouteContactId", input.RouteContactId is { } id
                    ? $"Select a person of the partnership: person {id} is not one of them"
                    : "Select the contact in the partner agency the priority was referred to");
            }
        }

        return check.Result(() => new PanelPriorityFields(raisedAt, text, ward, route, bodyId, contactId, input.Marking));
    }

    /// <summary>What is wrong with a panel action as written, by field, or the action as checked; nothing is saved.</summary>
    public static EditResult<PanelActionFields> CheckAction(PanelActionInput input)
    {
        var check = new FieldCheck();
        var takenOn = check.Given("TakenOn", input.TakenOn, "Enter the date the action was taken");
        var text = check.Required("Text", input.Text, TextLength, "Enter what was done", "What was done");
        var takenBy = check.Optional("TakenBy", input.TakenBy, NameLength, "Who took the action");
        if (takenBy?.Contains('@', StringComparison.Ordinal) == true)
        {
            check.Add("TakenBy", "Enter the name of who took the action, not their e-mail address");
        }

        return check.Result(() => new PanelActionFields(takenOn, text, takenBy));
    }

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string WardList(string? wards) => string.Join('\n', NeighbourhoodPanel.SplitWards(wards));
}
