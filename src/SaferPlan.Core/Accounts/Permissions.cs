namespace SaferPlan.Core.Accounts;

/// <summary>
/// The one place that decides who may read and edit what.
/// Administrators and support officers edit everything in their partnership. A lead officer edits
/// the priorities, actions and milestones they are named lead of, and what lies beneath them.
/// Board members and visitors edit nothing. Visitors read approved editions and the accepted updates of published
/// quarters only, and never see restricted content; every member of a partnership reads everything in it.
/// </summary>
public static class Permissions
{
    public static bool CanReadEdition(UserContext user, PlanEdition edition, int partnershipId) =>
        edition.IsPublished || user.IsMemberOf(partnershipId);

    public static bool CanSeeRestricted(UserContext user, int partnershipId) => user.IsMemberOf(partnershipId);

    /// <summary>
    /// Work in progress: draft, submitted and returned updates, reviewers' comments, the quarters not yet published, who has
    /// reported, and that update links were sent. Members of the partnership see it (what each may do with it is decided
    /// below); visitors see only the accepted updates of published quarters, and are told the rest is not there.
    /// </summary>
    public static bool CanSeeUnpublished(UserContext user, int partnershipId) => user.IsMemberOf(partnershipId);

    /// <summary>
    /// The partnerships in which the user may write a quarterly update of some milestone (see <see cref="CanUpdate"/>):
    /// those where they are a lead officer, support officer or administrator.
    /// </summary>
    public static IReadOnlyList<int> PartnershipsToUpdate(UserContext user) =>
        user.Memberships
            .Where(m => m.Role is PartnershipRole.LeadOfficer or PartnershipRole.SupportOfficer or PartnershipRole.Administrator)
            .Select(m => m.PartnershipId).Distinct().ToList();

    /// <summary>The quarter's performance dashboard: for the partnership's members.</summary>
    public static bool CanReadDashboard(UserContext user, int partnershipId) => user.IsMemberOf(partnershipId);

    /// <summary>Task group quarterly reports, restricted sections included: for the partnership's members.</summary>
    public static bool CanReadTaskGroupReports(UserContext user, int partnershipId) => user.IsMemberOf(partnershipId);

    /// <summary>
    /// Whether the user may write some task group report in the partnership, to offer "Add a report": a support officer or
    /// administrator, or a lead officer (who may add one under a priority they lead, see <see cref="CanWriteTaskGroupReport"/>).
    /// </summary>
    public static bool CanAddTaskGroupReport(UserContext user, int partnershipId) =>
        CanManageRounds(user, partnershipId) || IsLeadOfficer(user, partnershipId);

    /// <summary>
    /// A task group report is written by support officers and administrators, and by a lead officer who is the report's
    /// lead officer or leads the priority it is under (for a new report, the priority it goes under).
    /// </summary>
    public static bool CanWriteTaskGroupReport(UserContext user, int partnershipId, int? reportLeadOfficerId, int? priorityLeadOfficerId) =>
        CanManageRounds(user, partnershipId)
        || (IsLeadOfficer(user, partnershipId) && (Leads(user, reportLeadOfficerId) || Leads(user, priorityLeadOfficerId)));

    /// <summary>Publishing a quarter's Board report when review is done, and withdrawing it: the support officer's decision.</summary>
    public static bool CanPublish(UserContext user, int partnershipId) => CanManageRounds(user, partnershipId);

    /// <summary>Starting a plan and recording the Board's approval of an edition: the support officer's work.</summary>
    public static bool CanManageEditions(UserContext user, int partnershipId) => CanEditStructure(user, partnershipId);

    /// <summary>Comments on a draft edition and the responses to them: for the partnership's members, never visitors.</summary>
    public static bool CanReadComments(UserContext user, int partnershipId) => user.LinkPeriod is null && user.IsMemberOf(partnershipId);

    /// <summary>
    /// Why a comment on an edition is refused; null when it is not. The partnership's members comment on a draft or an edition
    /// out for consultation until its deadline; after it only a support officer or administrator records one.
    /// </summary>
    public static string? CommentRefusal(UserContext user, int partnershipId, PlanEdition edition, DateOnly? deadline, DateOnly today)
    {
        if (!CanReadComments(user, partnershipId))
        {
            return "Only the partnership's members and the people consulted can comment on a draft plan.";
        }

        if (edition.Status is not (EditionStatus.Draft or EditionStatus.Consultation))
        {
            return $"The {edition.Year.Display} edition is no longer a draft: comments on it are closed.";
        }

        return deadline is { } d && today > d && !CanManageEditions(user, partnershipId)
            ? $"Comments on the {edition.Year.Display} edition closed on {Periods.Dates.Display(d)}: send yours to the partnership's support officer, who can still record it."
            : null;
    }

    /// <summary>
    /// Why writing up, rewording or deleting a change made to an edition (seed 002's Appendix A) is refused; null when it is
    /// not: the partnership's support officers and administrators write them while the edition is a draft or out for
    /// consultation; once approved they are kept as the Board saw them.
    /// </summary>
    public static string? RefreshChangeRefusal(UserContext user, int partnershipId, PlanEdition edition)
    {
        ArgumentNullException.ThrowIfNull(edition);
        if (!CanManageEditions(user, partnershipId))
        {
            return "Only the partnership's support officers and administrators can write up the changes made to the plan.";
        }

        return AppendixLock(edition, "the changes made to it");
    }

    /// <summary>
    /// Why recording or changing the response to a comment on an edition is refused; null when it is not. The same rule as the
    /// changes made (<see cref="RefreshChangeRefusal"/>): the partnership's support officers and administrators respond while
    /// the edition is a draft or out for consultation; once approved the responses are kept as the Board saw them.
    /// </summary>
    public static string? CommentResponseRefusal(UserContext user, int partnershipId, PlanEdition edition)
    {
        ArgumentNullException.ThrowIfNull(edition);
        if (!CanManageEditions(user, partnershipId))
        {
            return "Only the partnership's support officers and administrators can record the response to a comment.";
        }

        return AppendixLock(edition, "the responses to its comments");
    }

    /// <summary>
    /// What the refresh report's Appendix A holds (<paramref name="what"/>: the changes made, the responses to comments) is
    /// written while the edition is a draft or out for consultation, and kept as the Board saw it once approved: why not, or null.
    /// </summary>
    private static string? AppendixLock(PlanEdition edition, string what) =>
        edition.Status is EditionStatus.Draft or EditionStatus.Consultation
            ? null
            : $"The {edition.Year.Display} edition is {edition.Status.ToString().ToLowerInvariant()}: {what} are kept as the Board saw them and can no longer be changed.";

    /// <summary>
    /// An edition's refresh report (seed 002): the partnership's members read it in full at any stage; everyone else reads
    /// the public version of an approved edition only.
    /// </summary>
    public static bool CanReadFullRefreshReport(UserContext user, int partnershipId) => CanReadComments(user, partnershipId);

    /// <summary>
    /// Why a consultee's e-mailed link does not let them comment; null when it does: it works until it expires (the end of
    /// the comment deadline) or is revoked, while the edition is out for consultation.
    /// </summary>
    public static string? ConsultationLinkRefusal(ConsultationLink link, PlanEdition edition, DateTimeOffset now) =>
        link.RevokedAt is not null ? "This link has been revoked. Ask the partnership's support officer for a new one."
        : link.ExpiresAt <= now ? $"This link expired on {Periods.Dates.Display(link.ExpiresAt)} UTC, when comments closed. Send late comments to the partnership's support officer."
        : edition.Status != EditionStatus.Consultation ? $"The {edition.Year.Display} edition is no longer out for comments."
        : null;

    /// <summary>Adding, removing and reordering priorities, and choosing who leads what.</summary>
    public static bool CanEditStructure(UserContext user, int partnershipId) =>
        user.LinkPeriod is null && user.Has(partnershipId, PartnershipRole.Administrator, PartnershipRole.SupportOfficer);

    public static bool CanEdit(UserContext user, int partnershipId, Priority priority) =>
        user.LinkPeriod is null
        && (CanEditStructure(user, partnershipId)
            || (user.Has(partnershipId, PartnershipRole.LeadOfficer) && Leads(user, priority.LeadOfficerId)));

    public static bool CanEdit(UserContext user, int partnershipId, Priority priority, PlanAction action) =>
        CanEdit(user, partnershipId, priority)
        || (user.LinkPeriod is null && user.Has(partnershipId, PartnershipRole.LeadOfficer) && Leads(user, action.LeadOfficerId));

    public static bool CanEdit(UserContext user, int partnershipId, Priority priority, PlanAction action, Milestone milestone) =>
        CanEdit(user, partnershipId, priority, action)
        || (user.LinkPeriod is null && user.Has(partnershipId, PartnershipRole.LeadOfficer) && Leads(user, milestone.LeadOfficerId));

    /// <summary>
    /// Draft editions and editions out for consultation are edited freely; a Board-approved edition changes only by a
    /// recorded amendment (see <see cref="NeedsAmendment"/>); a superseded edition is kept as it was and not changed at all.
    /// </summary>
    public static bool CanChange(PlanEdition edition) => edition.Status != EditionStatus.Superseded;

    /// <summary>An edition's refresh dates: for the partnership's members (setting them is <see cref="CanManageEditions"/>).</summary>
    public static bool CanReadRefreshTimeline(UserContext user, int partnershipId) => user.IsMemberOf(partnershipId);

    /// <summary>
    /// Why a lead officer may not change an edition still being written on <paramref name="today"/>: once its refresh timeline
    /// sets lead officers' input window, they edit what they lead only inside that window (first and last days included), and
    /// outside it only support officers and administrators edit the draft. Null when the user may (as far as the window goes):
    /// support officers and administrators always, approved editions (changed by amendment), and drafts with no window.
    /// </summary>
    public static string? InputWindowRefusal(UserContext user, int partnershipId, PlanEdition edition, RefreshTimeline? timeline, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(edition);
        if (CanEditStructure(user, partnershipId) || edition.Status is not (EditionStatus.Draft or EditionStatus.Consultation)
            || timeline is not { HasInputWindow: true } || timeline.IsInputOpen(today))
        {
            return null;
        }

        return today < timeline.InputOpensOn
            ? $"Lead officers' input opens on {Periods.Dates.Display(timeline.InputOpensOn.Value)}: until then only the partnership's support officers and administrators can change the draft."
            : $"Lead officers' input closed on {Periods.Dates.Display(timeline.InputClosesOn!.Value)}: only the partnership's support officers and administrators can change the draft now.";
    }

    /// <summary>A change to an approved edition is an amendment: it needs a reason and is recorded with who made it and when.</summary>
    public static bool NeedsAmendment(PlanEdition edition) => edition.Status == EditionStatus.Approved;

    /// <summary>
    /// Deleting and reordering items is for editions still being written: what the Board approved keeps every item in its
    /// place (a milestone that is no longer pursued is amended to say so, not deleted).
    /// </summary>
    public static bool CanRemoveOrReorder(PlanEdition edition) => edition.Status is EditionStatus.Draft or EditionStatus.Consultation;

    /// <summary>Why an edition refuses a change of any kind, in the words the refused person needs; null when it does not.</summary>
    public static string? EditionRefusal(PlanEdition edition) =>
        CanChange(edition) ? null : $"The {edition.Year.Display} edition has been superseded: it is kept as the Board approved it and can no longer be changed.";

    /// <summary>Why an edition's title and label may no longer change: once approved, it keeps the name the Board approved; null before.</summary>
    public static string? NameRefusal(PlanEdition edition) =>
        CanRemoveOrReorder(edition) ? null : $"The {edition.Year.Display} edition was approved by the Board as {edition.Title}, so it keeps its title and label.";

    /// <summary>Why an edition refuses deleting or reordering <paramref name="what"/> ("milestone 1.6b"); null when it does not.</summary>
    public static string? RemovalRefusal(PlanEdition edition, string what) =>
        EditionRefusal(edition)
        ?? (CanRemoveOrReorder(edition)
            ? null
            : $"The {edition.Year.Display} edition was approved by the Board, so {what} stays in it and keeps its place: change it by amending it, with the reason for the amendment.");

    /// <summary>Deleting a priority: as adding one, the support officers' and administrators' decision, in an edition not yet approved.</summary>
    public static bool CanDeletePriority(UserContext user, int partnershipId, PlanEdition edition) =>
        CanEditStructure(user, partnershipId) && CanRemoveOrReorder(edition);

    /// <summary>Deleting an action: whoever may edit the priority it is under, in an edition not yet approved.</summary>
    public static bool CanDeleteAction(UserContext user, int partnershipId, PlanEdition edition, Priority priority) =>
        CanEdit(user, partnershipId, priority) && CanRemoveOrReorder(edition);

    /// <summary>
    /// Deleting a milestone: whoever may edit the action it is under (a milestone's own lead officer edits it, but does not
    /// delete it), in an edition not yet approved.
    /// </summary>
    public static bool CanDeleteMilestone(UserContext user, int partnershipId, PlanEdition edition, Priority priority, PlanAction action) =>
        CanEdit(user, partnershipId, priority, action) && CanRemoveOrReorder(edition);

    /// <summary>The amendments made to an approved edition, with their reasons: for the partnership's members.</summary>
    public static bool CanReadAmendments(UserContext user, int partnershipId) => user.IsMemberOf(partnershipId);

    /// <summary>
    /// Why <see cref="CanUpdate"/> refuses, in the words the refused person needs; null when it does not. A quarter closed
    /// to lead officers (published, or past its lock date) says so to whoever could have updated it before, rather than
    /// that the milestone is not theirs.
    /// </summary>
    public static string? UpdateRefusal(UserContext user, int partnershipId, Priority priority, PlanAction action, Milestone milestone, Periods.ReportingPeriod period, Monitoring.QuarterClosed? closed)
    {
        if (CanUpdate(user, partnershipId, priority, action, milestone, period, closed is not null))
        {
            return null;
        }

        if (closed is not null && CanUpdate(user, partnershipId, priority, action, milestone, period, closed: false))
        {
            return $"{period.Display} was {closed.Why}: only a support officer can change its updates now.";
        }

        if (user.LinkPeriod is { } linkPeriod && linkPeriod != period)
        {
            return $"Your update link is for {linkPeriod.Display} only.";
        }

        return user.Has(partnershipId, PartnershipRole.LeadOfficer)
            ? "You can only update the milestones you lead."
            : "Only the milestone's lead officer and the partnership's support officers can write its quarterly update.";
    }

    /// <summary>
    /// Who may write a milestone's quarterly update: its lead officer (or the lead of its action or priority) while the
    /// quarter is open to them (not yet <paramref name="closed"/>: published, or past its lock date), and support officers
    /// and administrators at any time.
    /// An e-mailed link reaches only its own person's milestones in its own quarter.
    /// </summary>
    public static bool CanUpdate(UserContext user, int partnershipId, Priority priority, PlanAction action, Milestone milestone, Periods.ReportingPeriod period, bool closed)
    {
        if (user.LinkPeriod is { } linkPeriod && linkPeriod != period)
        {
            return false;
        }

        if (user.LinkPeriod is null && CanEditStructure(user, partnershipId))
        {
            return true;
        }

        return !closed
            && user.Has(partnershipId, PartnershipRole.LeadOfficer)
            && (Leads(user, priority.LeadOfficerId) || Leads(user, action.LeadOfficerId) || Leads(user, milestone.LeadOfficerId));
    }

    /// <summary>Opening quarters, accepting and returning updates, and chasing: the support officer's work.</summary>
    public static bool CanManageRounds(UserContext user, int partnershipId) =>
        user.LinkPeriod is null && CanEditStructure(user, partnershipId);

    /// <summary>
    /// Loading police.uk files. Recorded crime is open data shared by every partnership, so an analyst or administrator
    /// of any partnership may load it.
    /// </summary>
    public static bool CanImportCrime(UserContext user) =>
        user.LinkPeriod is null
        && user.Memberships.Any(m => m.Role is PartnershipRole.Analyst or PartnershipRole.Administrator);

    /// <summary>
    /// Loading residents and dwellings for the comparator areas, and seeing those areas. Like recorded crime, the figures
    /// are shared by every partnership, so an analyst, support officer or administrator of any partnership may load them.
    /// </summary>
    public static bool CanLoadPopulation(UserContext user) =>
        user.LinkPeriod is null
        && user.Memberships.Any(m => m.Role is PartnershipRole.Analyst or PartnershipRole.SupportOfficer or PartnershipRole.Administrator);

    /// <summary>The list of comparator areas with their LSOAs and population: for those who load the figures behind it.</summary>
    public static bool CanReadComparatorAreas(UserContext user) => CanLoadPopulation(user);

    /// <summary>A partnership's area, crime groups, denominators, indicators, baselines, targets and indicator values.</summary>
    public static bool CanEditIndicators(UserContext user, int partnershipId) =>
        user.LinkPeriod is null
        && user.Has(partnershipId, PartnershipRole.Administrator, PartnershipRole.SupportOfficer, PartnershipRole.Analyst);

    /// <summary>A partnership's comparator areas (its peers): chosen by those who keep its crime figures.</summary>
    public static bool CanChoosePeers(UserContext user, int partnershipId) => CanEditIndicators(user, partnershipId);

    /// <summary>
    /// A county-wide body's partner briefing: written once by a support officer or administrator of any partnership the
    /// body serves, and shared into all of them.
    /// </summary>
    public static bool CanWriteBriefing(UserContext user, IEnumerable<int> servedPartnershipIds) =>
        servedPartnershipIds.Any(id => CanManageRounds(user, id));

    /// <summary>A body's briefings are read by the members of the partnerships it serves.</summary>
    public static bool CanReadBriefings(UserContext user, IEnumerable<int> servedPartnershipIds) =>
        servedPartnershipIds.Any(user.IsMemberOf);

    /// <summary>
    /// A task group's own action plan, its items and their quarterly progress: kept by those who write the body's
    /// briefings (see <see cref="CanWriteBriefing"/>), as it is shared the same way.
    /// </summary>
    public static bool CanWriteBodyActionPlan(UserContext user, IEnumerable<int> servedPartnershipIds) =>
        CanWriteBriefing(user, servedPartnershipIds);

    /// <summary>
    /// A body's action plans, restricted items included, are read by the members of the partnerships it serves; visitors
    /// read them only in a published quarter's public report, which leaves restricted items out.
    /// </summary>
    public static bool CanReadBodyActionPlans(UserContext user, IEnumerable<int> servedPartnershipIds) =>
        CanReadBriefings(user, servedPartnershipIds);

    /// <summary>
    /// Lowering a protective marking from Restricted to Official lets what was kept back be published, so it is the
    /// support officers' and administrators' decision, whoever may otherwise edit the item.
    /// </summary>
    public static bool CanLowerMarking(UserContext user, int partnershipId) => CanEditStructure(user, partnershipId);

    /// <summary>Whether an edit from <paramref name="from"/> to <paramref name="to"/> needs <see cref="CanLowerMarking"/>.</summary>
    public static bool MayChangeMarking(UserContext user, int partnershipId, ProtectiveMarking from, ProtectiveMarking to) =>
        !(from == ProtectiveMarking.Restricted && to == ProtectiveMarking.Official) || CanLowerMarking(user, partnershipId);

    /// <summary>The message, against the marking's field, for an edit refused by <see cref="MayChangeMarking"/>.</summary>
    public const string LowerMarkingRefused = "Keep the protective marking Restricted: only support officers and administrators can change it from Restricted to Official";

    /// <summary>E-mail addresses of people: the partnership's administrators and support officers (and the person themselves, on their account page).</summary>
    public static bool CanSeeEmailAddresses(UserContext user, int partnershipId) =>
        user.LinkPeriod is null && user.Has(partnershipId, PartnershipRole.Administrator, PartnershipRole.SupportOfficer);

    /// <summary>Inviting people, giving and taking roles, and removing accounts: the partnership's administrators.</summary>
    public static bool CanManageAccounts(UserContext user, int partnershipId) =>
        user.LinkPeriod is null && user.Has(partnershipId, PartnershipRole.Administrator);

    /// <summary>
    /// Removing an account altogether ends its roles everywhere, so it needs an administrator of every partnership the
    /// account has a role in.
    /// </summary>
    public static bool CanRemoveAccount(UserContext user, IEnumerable<int> accountPartnershipIds) =>
        accountPartnershipIds.All(id => CanManageAccounts(user, id));

    /// <summary>The partnership's people (name, role title, agency, e-mail address): its support officers and administrators.</summary>
    public static bool CanManagePeople(UserContext user, int partnershipId) => CanEditStructure(user, partnershipId);

    /// <summary>
    /// The partnership's bodies (its Board, Executive Group and task groups: name, kind, cadence, chair, member agencies): its
    /// support officers and administrators, as its people. A body serving other partnerships too is changed by none of them
    /// (<see cref="Partnerships.BodyService.ReadOnlyReason"/>).
    /// </summary>
    public static bool CanManageBodies(UserContext user, int partnershipId) => CanManagePeople(user, partnershipId);

    /// <summary>
    /// Creating a partnership: an installation's administrators, that is anyone who administers a partnership (the first
    /// is made with <c>saferplan users add</c>). The creator becomes the new partnership's first administrator.
    /// </summary>
    public static bool CanCreatePartnership(UserContext user) =>
        user.LinkPeriod is null && user.IsSignedIn && user.Memberships.Any(m => m.Role == PartnershipRole.Administrator);

    /// <summary>Meetings, their agendas and decisions, and the statutory year's duties: kept by support officers and administrators.</summary>
    public static bool CanEditMeetings(UserContext user, int partnershipId) => CanEditStructure(user, partnershipId);

    /// <summary>
    /// Meetings not open to the public (task groups discuss individual cases): the partnership's members; visitors see the
    /// public meetings and the statutory duties only.
    /// </summary>
    public static bool CanSeePrivateMeetings(UserContext user, int partnershipId) => user.LinkPeriod is null && user.IsMemberOf(partnershipId);

    /// <summary>The partnerships whose every meeting and duty the user's own calendar feed carries: those they are a member of.</summary>
    public static IReadOnlyList<int> PartnershipsWithPrivateMeetings(UserContext user) =>
        user.LinkPeriod is null ? user.Memberships.Select(m => m.PartnershipId).Distinct().ToList() : [];

    /// <summary>Who owns a statutory duty until a person is named, and is reminded when it is overdue: the support officers.</summary>
    public const PartnershipRole DefaultDutyOwner = PartnershipRole.SupportOfficer;

    /// <summary>
    /// A partnership's whole audit trail, every change to everything it holds with who made it: its administrators and support
    /// officers, who answer for its records (members read an item's own history, <see cref="CanReadAudit(UserContext, int?)"/>).
    /// </summary>
    public static bool CanReadAuditTrail(UserContext user, int partnershipId) =>
        user.LinkPeriod is null && user.Has(partnershipId, PartnershipRole.Administrator, PartnershipRole.SupportOfficer);

    /// <summary>A personal calendar feed (a secret address a calendar program polls): any signed-in user.</summary>
    public static bool CanHaveCalendarFeed(UserContext user) => user.IsSignedIn && user.LinkPeriod is null;

    public static bool CanReadAudit(UserContext user, int? partnershipId) =>
        partnershipId is { } id && user.IsMemberOf(id);

    /// <summary>
    /// An item's history is read by the members of a partnership it belongs to; the history of a crime import (recorded
    /// crime is open data shared by every partnership) by a member of any partnership.
    /// </summary>
    public static bool CanReadAudit(UserContext user, Auditing.AuditScope scope) =>
        scope.SharedOpenData ? user.Memberships.Count > 0 : scope.PartnershipIds.Any(user.IsMemberOf);

    /// <summary>
    /// A partnership's neighbourhood panels in full (who each priority went to, by name, and who acted): for its members.
    /// Visitors read each panel's public page instead: what was raised and what was done, routed to a team or agency,
    /// without names of people or e-mail addresses, and without priorities marked Restricted.
    /// </summary>
    public static bool CanReadPanels(UserContext user, int partnershipId) => user.LinkPeriod is null && user.IsMemberOf(partnershipId);

    /// <summary>Adding and changing panels, their meetings and the priorities set there (and where each is routed): support officers and administrators.</summary>
    public static bool CanEditPanels(UserContext user, int partnershipId) => CanEditStructure(user, partnershipId);

    /// <summary>
    /// Recording what was done about a panel priority, and the outcome reported back: support officers and administrators,
    /// and a lead officer who holds the priority where it was routed: the named contact (partner agency route), the chair of
    /// the body it went to (ASB task group route), or a lead officer of the agency it went to: the police for the
    /// neighbourhood policing route, the contact's agency, or a member agency of the body.
    /// </summary>
    /// <param name="holders">Who holds the priority where it was routed (see <see cref="Panels.PanelRouteHolders"/>).</param>
    /// <param name="userAgencyId">The agency of the person the user is in the plans, if any.</param>
    public static bool CanRecordPanelAction(UserContext user, int partnershipId, Panels.PanelRouteHolders holders, int? userAgencyId)
    {
        ArgumentNullException.ThrowIfNull(holders);
        return CanEditPanels(user, partnershipId)
            || (IsLeadOfficer(user, partnershipId)
                && (holders.PersonIds.Any(id => Leads(user, id)) || (userAgencyId is { } agency && holders.AgencyIds.Contains(agency))));
    }

    /// <summary>A year's funding plan in full (restricted allocations, payees, drafts): the partnership's members.</summary>
    public static bool CanReadFunding(UserContext user, int partnershipId) => user.LinkPeriod is null && user.IsMemberOf(partnershipId);

    /// <summary>
    /// The funding plan visitors see: a year the Board has agreed, without restricted allocations or payees who are people.
    /// Members read it while it is still being drawn up.
    /// </summary>
    public static bool CanReadFundingPlan(UserContext user, int partnershipId, bool agreed) => agreed || CanReadFunding(user, partnershipId);

    /// <summary>Streams, allocations, the Board's agreement and spending on anything: the support officers and administrators.</summary>
    public static bool CanEditFunding(UserContext user, int partnershipId) => CanEditStructure(user, partnershipId);

    /// <summary>
    /// Spending against an allocation: whoever edits funding, and a lead officer who leads the priority, action or milestone
    /// the allocation is for (<paramref name="leadOfficerIds"/>).
    /// </summary>
    public static bool CanRecordSpending(UserContext user, int partnershipId, IEnumerable<int?> leadOfficerIds) =>
        CanEditFunding(user, partnershipId) || (IsLeadOfficer(user, partnershipId) && leadOfficerIds.Any(id => Leads(user, id)));

    /// <summary>
    /// Changing or deleting a payment: whoever edits funding, any payment; a lead officer only a payment they recorded
    /// themselves (<paramref name="recordedByUserId"/>, from the audit trail) against an allocation they may still record
    /// spending on, never one loaded from a finance system's file or recorded by someone else.
    /// </summary>
    public static bool CanChangeSpending(UserContext user, int partnershipId, IEnumerable<int?> leadOfficerIds, string? recordedByUserId) =>
        CanEditFunding(user, partnershipId)
        || (CanRecordSpending(user, partnershipId, leadOfficerIds) && user.UserId is not null && recordedByUserId == user.UserId);

    /// <summary>Whether a lead officer may record spending on some allocation of the partnership, to offer "Record spending".</summary>
    public static bool MayRecordSomeSpending(UserContext user, int partnershipId) =>
        CanEditFunding(user, partnershipId) || IsLeadOfficer(user, partnershipId);

    private static bool IsLeadOfficer(UserContext user, int partnershipId) =>
        user.LinkPeriod is null && user.Has(partnershipId, PartnershipRole.LeadOfficer);

    private static bool Leads(UserContext user, int? leadOfficerId) =>
        user.IsPerson(leadOfficerId);
}
