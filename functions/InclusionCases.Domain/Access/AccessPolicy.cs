using InclusionCases.Domain.Consents;
using InclusionCases.Domain.Identity;
using InclusionCases.Domain.Referrals;
using InclusionCases.Domain.Webhooks;

namespace InclusionCases.Domain.Access;

/// <summary>
/// Decides every (caller, operation, person or case) question of the API, in one place:
/// <list type="bullet">
/// <item>the caller's roles gate each operation (<see cref="Roles"/>), whatever the resource;</item>
/// <item>an organisation sees a case when it leads it, or takes part in it while the person's consent
/// covers it; anything else is <see cref="AccessDecision.NotFound"/>;</item>
/// <item>only social workers of a holder (an organisation leading one of the person's cases) open
/// another case for the person, record or revoke consents, or edit the person's fields; one that sees
/// the person only as a participant is <see cref="AccessDecision.Forbidden"/>. So nothing a
/// participant does widens anyone's access;</item>
/// <item>only the case's lead refers it, withdraws a pending referral or ends a participant's part;
/// only the referred organisation answers a referral or completes it;</item>
/// <item>once the person's data is erased, writes about them are <see cref="AccessDecision.Gone"/>,
/// except changes to a case's own workflow (it may still be closed);</item>
/// <item>sensitive fields go to social workers of holders, and of participants whose consent has the
/// <c>sensitive</c> scope; organisation notes to the author's organisation only.</item>
/// </list>
/// </summary>
public static class AccessPolicy
{
    private static readonly IReadOnlySet<AppRole> Writers = new HashSet<AppRole> { AppRole.SocialWorker };
    private static readonly IReadOnlySet<AppRole> Readers = new HashSet<AppRole> { AppRole.SocialWorker, AppRole.Partner };
    private static readonly IReadOnlySet<AppRole> Mediators = new HashSet<AppRole> { AppRole.Mediator };
    private static readonly IReadOnlySet<AppRole> Operators = new HashSet<AppRole> { AppRole.Operator };
    private static readonly IReadOnlySet<AppRole> Auditors = new HashSet<AppRole> { AppRole.Auditor };
    private static readonly IReadOnlySet<AppRole> ReportReaders = new HashSet<AppRole> { AppRole.Coordinator, AppRole.Auditor };
    private static readonly IReadOnlySet<AppRole> Coordinators = new HashSet<AppRole> { AppRole.Coordinator };
    private static readonly IReadOnlySet<AppRole> MemberListReaders = new HashSet<AppRole> { AppRole.Coordinator, AppRole.SocialWorker };
    private static readonly IReadOnlySet<AppRole> Subscribers = new HashSet<AppRole> { AppRole.Partner, AppRole.Coordinator };
    private static readonly IReadOnlySet<AppRole> Matchers = new HashSet<AppRole> { AppRole.SocialWorker, AppRole.Mediator, AppRole.Partner };
    private static readonly IReadOnlySet<AppRole> Linkers = new HashSet<AppRole> { AppRole.SocialWorker, AppRole.Auditor };
    private static readonly IReadOnlySet<AppRole> Everyone = new HashSet<AppRole>(Enum.GetValues<AppRole>());

    /// <summary>The roles that may perform each operation at all: the table the request pipeline applies and the tests enumerate.</summary>
    public static IReadOnlyDictionary<ApiOperation, IReadOnlySet<AppRole>> Roles { get; } = new Dictionary<ApiOperation, IReadOnlySet<AppRole>>
    {
        [ApiOperation.CreateCase] = Writers,
        [ApiOperation.OpenCaseForPerson] = Writers,
        [ApiOperation.ListCases] = Readers,
        [ApiOperation.ReadCase] = Readers,
        [ApiOperation.UpdateCase] = Writers,
        [ApiOperation.EditPerson] = Writers,
        [ApiOperation.AddNote] = Readers,
        [ApiOperation.ReadTimeline] = Readers,
        [ApiOperation.RecordConsent] = Writers,
        [ApiOperation.RevokeConsent] = Writers,
        [ApiOperation.CreateReferral] = Writers,
        [ApiOperation.ListReferrals] = Readers,
        [ApiOperation.AcceptReferral] = Readers,
        [ApiOperation.DeclineReferral] = Readers,
        [ApiOperation.WithdrawReferral] = Writers,
        [ApiOperation.CompleteReferral] = Readers,
        [ApiOperation.EndParticipation] = Writers,
        [ApiOperation.ReadOutreach] = Readers,
        [ApiOperation.ListTasks] = Readers,
        [ApiOperation.ReadTask] = Readers,
        [ApiOperation.CreateTask] = Writers,
        [ApiOperation.UpdateTask] = Writers,
        [ApiOperation.SetReferenceAddress] = Writers,
        [ApiOperation.RecordCheckIn] = Writers,
        [ApiOperation.LogContacts] = Mediators,
        [ApiOperation.ListContacts] = Mediators,
        [ApiOperation.ListPoison] = Operators,
        [ApiOperation.ReplayPoison] = Operators,
        [ApiOperation.ReadOperationsStatus] = Operators,
        [ApiOperation.ReadAudit] = Auditors,
        [ApiOperation.ExportPerson] = Auditors,
        [ApiOperation.ErasePerson] = Auditors,
        [ApiOperation.ReadReports] = ReportReaders,
        [ApiOperation.ListOrganisations] = Everyone,
        [ApiOperation.ReadOrganisation] = Everyone,
        [ApiOperation.CreateOrganisation] = Coordinators,
        [ApiOperation.UpdateOrganisation] = Coordinators,
        [ApiOperation.ListMembers] = MemberListReaders,
        [ApiOperation.GrantMembership] = Coordinators,
        [ApiOperation.EndMembership] = Coordinators,
        [ApiOperation.CreateSubscription] = Subscribers,
        [ApiOperation.ListSubscriptions] = Subscribers,
        [ApiOperation.ReadSubscription] = Subscribers,
        [ApiOperation.DeleteSubscription] = Subscribers,
        [ApiOperation.ListDeliveries] = Subscribers,
        [ApiOperation.Redeliver] = Subscribers,
        [ApiOperation.MatchPerson] = Matchers,
        [ApiOperation.ListMatchRequests] = Matchers,
        [ApiOperation.ReferMatchRequest] = Writers,
        [ApiOperation.DismissMatchRequest] = Readers,
        [ApiOperation.LinkPersons] = Linkers,
        [ApiOperation.SplitPersons] = Linkers,
        [ApiOperation.OpenNightCount] = Coordinators,
        [ApiOperation.ReadNightCount] = ReportReaders,
    };

    /// <summary>Whether the caller's roles allow the operation at all.</summary>
    public static bool MayPerform(Caller caller, ApiOperation operation)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.Roles.Overlaps(Roles[operation]);
    }

    /// <summary>
    /// Decides an operation on a person, through one of their cases when <paramref name="caseId"/> is
    /// given (case routes), or through any of them (person routes: consents, opening another case).
    /// </summary>
    public static AccessDecision Decide(Caller caller, ApiOperation operation, PersonAccess person, string? caseId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(person);
        var organisationId = caller.OrganisationId;
        var target = caseId is null ? null : person.Case(caseId);
        var visible = caseId is null ? person.SeesPerson(organisationId, now) : target is not null && person.Sees(organisationId, target, now);
        if (!visible)
        {
            return AccessDecision.NotFound;
        }

        if (!MayPerform(caller, operation))
        {
            return AccessDecision.Forbidden;
        }

        var allowedHere = operation switch
        {
            ApiOperation.OpenCaseForPerson or ApiOperation.RecordConsent or ApiOperation.RevokeConsent or ApiOperation.EditPerson or ApiOperation.SetReferenceAddress or ApiOperation.RecordCheckIn => person.IsHolder(organisationId),
            ApiOperation.CreateReferral or ApiOperation.EndParticipation => target?.LeadOrganisationId == organisationId,
            ApiOperation.ReadCase or ApiOperation.UpdateCase or ApiOperation.AddNote or ApiOperation.ReadTimeline or ApiOperation.ReadOutreach or ApiOperation.ReadTask or ApiOperation.CreateTask or ApiOperation.UpdateTask => target is not null,
            _ => false, // not an operation on a person or a case
        };
        if (!allowedHere)
        {
            return AccessDecision.Forbidden;
        }

        return person.Erased && Writes(operation) ? AccessDecision.Gone : AccessDecision.Allowed;
    }

    /// <summary>
    /// Linking two records of one person, or splitting them, decided on each of the two: an Auditor may
    /// on any person who exists; a SocialWorker only on a person its organisation holds (one it sees only
    /// as a participant is 403, one it does not see 404, as if it did not exist). An erased person is 410.
    /// </summary>
    public static AccessDecision DecideOnLink(Caller caller, ApiOperation operation, PersonAccess? person, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (person is null)
        {
            return AccessDecision.NotFound;
        }

        if (caller.IsIn(AppRole.Auditor) && MayPerform(caller, operation))
        {
            return person.Erased ? AccessDecision.Gone : AccessDecision.Allowed;
        }

        if (!person.SeesPerson(caller.OrganisationId, now))
        {
            return AccessDecision.NotFound;
        }

        if (!MayPerform(caller, operation) || !person.IsHolder(caller.OrganisationId))
        {
            return AccessDecision.Forbidden;
        }

        return person.Erased ? AccessDecision.Gone : AccessDecision.Allowed;
    }

    /// <summary>
    /// A move on a referral, by the side the move belongs to (<see cref="ReferralWorkflow.SideOf"/>):
    /// accepting, declining or completing by the referred organisation's social workers or systems,
    /// withdrawing by the referring organisation's social workers, while the referral is theirs to see
    /// (<see cref="CanSeeReferral"/>). The other side knows the referral (403); anyone else, and the
    /// referred organisation once consent no longer covers it, may not learn of it (404). Nothing more
    /// is written about an erased person (410).
    /// </summary>
    public static AccessDecision DecideOnReferral(Caller caller, ApiOperation operation, PersonAccess person, ReferralAccess referral, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(referral);
        if (!CanSeeReferral(caller.OrganisationId, person, referral, now))
        {
            return AccessDecision.NotFound;
        }

        var side = ReferralWorkflow.SideOf(MoveOf(operation));
        var mover = side == ReferralSide.Referring ? referral.FromOrganisationId : referral.ToOrganisationId;
        if (caller.OrganisationId != mover || !MayPerform(caller, operation))
        {
            return AccessDecision.Forbidden;
        }

        return person.Erased ? AccessDecision.Gone : AccessDecision.Allowed;
    }

    /// <summary>The referral move a referral route makes.</summary>
    public static ReferralMove MoveOf(ApiOperation operation) => operation switch
    {
        ApiOperation.AcceptReferral => ReferralMove.Accept,
        ApiOperation.DeclineReferral => ReferralMove.Decline,
        ApiOperation.WithdrawReferral => ReferralMove.Withdraw,
        ApiOperation.CompleteReferral => ReferralMove.Complete,
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "Not a move on a referral."),
    };

    /// <summary>
    /// Whether a referral is the organisation's to see, decided at read time like cases: the referring
    /// organisation while it sees the case; the referred one while a consent covers it and the
    /// referral is pending (an invitation) or it sees the case (it took part).
    /// </summary>
    public static bool CanSeeReferral(string organisationId, PersonAccess person, ReferralAccess referral, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(referral);
        if (person.Case(referral.CaseId) is not { } c)
        {
            return false;
        }

        return (organisationId == referral.FromOrganisationId && person.Sees(organisationId, c, now))
            || (organisationId == referral.ToOrganisationId && person.ConsentCovers(organisationId, ConsentScope.Case, now)
                && (referral.Pending || person.Sees(organisationId, c, now)));
    }

    /// <summary>
    /// Whether an organisation may still be told of an event, decided when it is sent (not when it
    /// happened), so a consent revoked meanwhile stops what was queued:
    /// <list type="bullet">
    /// <item><c>case.participationEnded</c> while the organisation still does not see the case: it names a case
    /// the organisation knew, and gives nothing more;</item>
    /// <item>a consent event to the organisation that recorded the consent or one it names, while it sees
    /// the case (so no other holder learns of another's consent); <c>consent.expiring</c> while the consent stands;</item>
    /// <item>a referral event to the referring organisation while it sees the referral; to the referred one
    /// while a consent still covers it, and, for <c>referral.received</c>, while the referral is still pending;</item>
    /// <item>a task due while the task is open and its organisation sees the case;</item>
    /// <item>anything else while the organisation sees the case.</item>
    /// </list>
    /// </summary>
    public static bool MayBeNotified(WebhookEvent notice, PersonAccess person, ReferralAccess? referral, bool taskOpen, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(person);
        var organisationId = notice.OrganisationId;
        var c = person.Case(notice.CaseId);
        if (notice.Type == WebhookEventTypes.CaseParticipationEnded)
        {
            return c is null || !person.Sees(organisationId, c, now);
        }

        if (c is null)
        {
            return false;
        }

        if (notice.ConsentId is not null)
        {
            var consent = person.Consents.FirstOrDefault(k => k.Id == notice.ConsentId);
            if (consent is null || (consent.RecordedByOrganisationId != organisationId && !consent.OrganisationIds.Contains(organisationId))
                || (notice.Type == WebhookEventTypes.ConsentExpiring && !consent.IsActiveAt(now)))
            {
                return false;
            }
        }

        if (notice.ReferralId is not null)
        {
            if (referral is null || referral.CaseId != notice.CaseId)
            {
                return false;
            }

            if (organisationId == referral.ToOrganisationId)
            {
                return person.ConsentCovers(organisationId, ConsentScope.Case, now)
                    && (notice.Type != WebhookEventTypes.ReferralReceived || referral.Pending);
            }

            return CanSeeReferral(organisationId, person, referral, now);
        }

        if (notice.TaskId is not null && !taskOpen)
        {
            return false;
        }

        return person.Sees(organisationId, c, now);
    }

    /// <summary>Whether the caller may see the person's sensitive fields on this case.</summary>
    public static bool CanSeeSensitive(Caller caller, PersonAccess person, string caseId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(person);
        if (!caller.IsIn(AppRole.SocialWorker) || person.Case(caseId) is not { } c || !person.Sees(caller.OrganisationId, c, now))
        {
            return false;
        }

        return person.IsHolder(caller.OrganisationId)
            || (c.Participants.Contains(caller.OrganisationId) && person.ConsentCovers(caller.OrganisationId, ConsentScope.Sensitive, now));
    }

    /// <summary>
    /// Reading an organisation's member list: a Coordinator reads any; a SocialWorker reads their own
    /// organisation's only. Another organisation's list is 403 whether or not that organisation exists
    /// (the directory is public, the answer is decided before anything is read), so it tells nothing.
    /// </summary>
    public static AccessDecision DecideOnMembers(Caller caller, string organisationId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!MayPerform(caller, ApiOperation.ListMembers))
        {
            return AccessDecision.Forbidden;
        }

        return caller.IsIn(AppRole.Coordinator) || caller.OrganisationId == organisationId ? AccessDecision.Allowed : AccessDecision.Forbidden;
    }

    /// <summary>
    /// Granting, changing or ending a membership: Coordinators only, and never their own, so no one
    /// moves, prolongs or keeps themselves in by their own hand.
    /// </summary>
    public static AccessDecision DecideOnMembership(Caller caller, ApiOperation operation, string userId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (operation is not (ApiOperation.GrantMembership or ApiOperation.EndMembership))
        {
            throw new ArgumentOutOfRangeException(nameof(operation), operation, "Not a membership change.");
        }

        return MayPerform(caller, operation) && caller.Id != userId ? AccessDecision.Allowed : AccessDecision.Forbidden;
    }

    /// <summary>Whether the caller may add a note of this visibility: partners add shared notes only.</summary>
    public static bool MayWriteNote(Caller caller, bool organisationOnly)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return !organisationOnly || caller.IsIn(AppRole.SocialWorker);
    }

    /// <summary>Organisation notes are seen by the author's organisation only; shared ones by all who see the case.</summary>
    public static bool CanSeeNote(Caller caller, bool organisationOnly, string authorOrganisationId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return !organisationOnly || caller.OrganisationId == authorOrganisationId;
    }

    // A case's own workflow (status, housing, closure) may still change after erasure; anything that
    // writes about the person may not.
    private static bool Writes(ApiOperation operation) => operation is ApiOperation.OpenCaseForPerson or ApiOperation.RecordConsent
        or ApiOperation.RevokeConsent or ApiOperation.EditPerson or ApiOperation.AddNote or ApiOperation.CreateReferral or ApiOperation.CreateTask
        or ApiOperation.SetReferenceAddress or ApiOperation.RecordCheckIn;
}
