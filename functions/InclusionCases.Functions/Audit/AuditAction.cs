using InclusionCases.Domain.Access;

namespace InclusionCases.Functions.Audit;

/// <summary>
/// What an audit entry records someone doing: a closed set (no public constructor), so an action
/// cannot be misspelt at a call site and the data-protection officer can rely on every name.
/// <see cref="Name"/> is what the log stores and shows.
/// </summary>
public sealed class AuditAction
{
    private static readonly Dictionary<string, AuditAction> ByName = new(StringComparer.Ordinal);

    public static readonly AuditAction CaseCreate = new("case.create");
    public static readonly AuditAction CaseList = new("case.list");
    public static readonly AuditAction CaseRead = new("case.read");
    public static readonly AuditAction CaseUpdate = new("case.update");
    public static readonly AuditAction NoteCreate = new("note.create");
    public static readonly AuditAction TimelineRead = new("timeline.read");
    public static readonly AuditAction ConsentRecord = new("consent.record");
    public static readonly AuditAction ConsentRevoke = new("consent.revoke");
    public static readonly AuditAction ReferralCreate = new("referral.create");
    public static readonly AuditAction ReferralList = new("referral.list");
    public static readonly AuditAction ReferralAccept = new("referral.accept");
    public static readonly AuditAction ReferralDecline = new("referral.decline");
    public static readonly AuditAction ReferralWithdraw = new("referral.withdraw");
    public static readonly AuditAction ReferralComplete = new("referral.complete");
    public static readonly AuditAction ParticipationEnd = new("participation.end");
    public static readonly AuditAction OutreachRead = new("outreach.read");
    public static readonly AuditAction TaskList = new("task.list");
    public static readonly AuditAction TaskRead = new("task.read");
    public static readonly AuditAction TaskCreate = new("task.create");
    public static readonly AuditAction TaskUpdate = new("task.update");
    public static readonly AuditAction ReferenceAddressSet = new("referenceAddress.set");
    public static readonly AuditAction CheckInRecord = new("referenceAddress.checkIn");
    public static readonly AuditAction ContactLog = new("contact.log");
    public static readonly AuditAction ContactBatch = new("contact.batch");
    public static readonly AuditAction ContactList = new("contact.list");
    public static readonly AuditAction PoisonList = new("poison.list");
    public static readonly AuditAction PoisonReplay = new("poison.replay");
    public static readonly AuditAction OperationsStatusRead = new("operations.status");
    public static readonly AuditAction AuditRead = new("audit.read");
    public static readonly AuditAction PersonExport = new("person.export");
    public static readonly AuditAction PersonErase = new("person.erase");
    public static readonly AuditAction ReportRead = new("report.read");
    public static readonly AuditAction NightCountOpen = new("nightCount.open");
    public static readonly AuditAction NightCountRead = new("nightCount.read");
    public static readonly AuditAction OrganisationList = new("organisation.list");
    public static readonly AuditAction OrganisationRead = new("organisation.read");
    public static readonly AuditAction OrganisationCreate = new("organisation.create");
    public static readonly AuditAction OrganisationUpdate = new("organisation.update");
    public static readonly AuditAction MembershipList = new("membership.list");
    public static readonly AuditAction MembershipGrant = new("membership.grant");
    public static readonly AuditAction MembershipEnd = new("membership.end");
    public static readonly AuditAction SubscriptionCreate = new("subscription.create");
    public static readonly AuditAction SubscriptionList = new("subscription.list");
    public static readonly AuditAction SubscriptionRead = new("subscription.read");
    public static readonly AuditAction SubscriptionDelete = new("subscription.delete");

    /// <summary>The system disabled a subscription: its receiver answered 410, or its stored secret was damaged.</summary>
    public static readonly AuditAction SubscriptionDisable = new("subscription.disable");
    public static readonly AuditAction DeliveryList = new("delivery.list");

    /// <summary>A match call: the call itself (its submitted fields hashed in the resource), and one entry per candidate person answered.</summary>
    public static readonly AuditAction PersonMatch = new("person.match");

    /// <summary>The system sent a match request to a holder of a person a match call found out of the caller's sight.</summary>
    public static readonly AuditAction MatchRequestSend = new("matchRequest.send");
    public static readonly AuditAction MatchRequestList = new("matchRequest.list");
    public static readonly AuditAction MatchRequestRefer = new("matchRequest.refer");
    public static readonly AuditAction MatchRequestDismiss = new("matchRequest.dismiss");
    public static readonly AuditAction PersonLink = new("person.link");
    public static readonly AuditAction PersonSplit = new("person.split");
    public static readonly AuditAction DeliveryRedeliver = new("delivery.redeliver");

    /// <summary>The system sent an event and the receiver answered 2xx.</summary>
    public static readonly AuditAction DeliveryDelivered = new("delivery.delivered");

    /// <summary>The system sent an event, got no 2xx, and will try again.</summary>
    public static readonly AuditAction DeliveryRetry = new("delivery.retry");

    /// <summary>A delivery ended without a 2xx: the retry window is over, the receiver answered 410, or the subscription was deleted, disabled or its secret damaged (then nothing was sent).</summary>
    public static readonly AuditAction DeliveryFailed = new("delivery.failed");

    /// <summary>The system did not send an event: the receiving organisation no longer had the right to know (recorded as denied).</summary>
    public static readonly AuditAction DeliveryWithheld = new("delivery.withheld");
    public static readonly AuditAction SignIn = new("caller.resolve");

    /// <summary>A retried request answered again from its first answer (an idempotency key): it changed nothing, but showed that answer again.</summary>
    public static readonly AuditAction RequestReplay = new("request.replay");

    private AuditAction(string name)
    {
        Name = name;
        ByName.Add(name, this);
    }

    /// <summary>The stored and shown name, e.g. <c>case.read</c>.</summary>
    public string Name { get; }

    /// <summary>Every action, for tests and documentation.</summary>
    public static IReadOnlyCollection<AuditAction> All => ByName.Values;

    /// <summary>The action a request performing <paramref name="operation"/> is audited under.</summary>
    public static AuditAction Of(ApiOperation operation) => operation switch
    {
        ApiOperation.CreateCase or ApiOperation.OpenCaseForPerson => CaseCreate,
        ApiOperation.ListCases => CaseList,
        ApiOperation.ReadCase => CaseRead,
        ApiOperation.UpdateCase or ApiOperation.EditPerson => CaseUpdate,
        ApiOperation.AddNote => NoteCreate,
        ApiOperation.ReadTimeline => TimelineRead,
        ApiOperation.RecordConsent => ConsentRecord,
        ApiOperation.RevokeConsent => ConsentRevoke,
        ApiOperation.CreateReferral => ReferralCreate,
        ApiOperation.ListReferrals => ReferralList,
        ApiOperation.AcceptReferral => ReferralAccept,
        ApiOperation.DeclineReferral => ReferralDecline,
        ApiOperation.WithdrawReferral => ReferralWithdraw,
        ApiOperation.CompleteReferral => ReferralComplete,
        ApiOperation.EndParticipation => ParticipationEnd,
        ApiOperation.ReadOutreach => OutreachRead,
        ApiOperation.ListTasks => TaskList,
        ApiOperation.ReadTask => TaskRead,
        ApiOperation.CreateTask => TaskCreate,
        ApiOperation.UpdateTask => TaskUpdate,
        ApiOperation.SetReferenceAddress => ReferenceAddressSet,
        ApiOperation.RecordCheckIn => CheckInRecord,
        ApiOperation.LogContacts => ContactLog,
        ApiOperation.ListContacts => ContactList,
        ApiOperation.ListPoison => PoisonList,
        ApiOperation.ReplayPoison => PoisonReplay,
        ApiOperation.ReadOperationsStatus => OperationsStatusRead,
        ApiOperation.ReadAudit => AuditRead,
        ApiOperation.ExportPerson => PersonExport,
        ApiOperation.ErasePerson => PersonErase,
        ApiOperation.ReadReports => ReportRead,
        ApiOperation.ListOrganisations => OrganisationList,
        ApiOperation.ReadOrganisation => OrganisationRead,
        ApiOperation.CreateOrganisation => OrganisationCreate,
        ApiOperation.UpdateOrganisation => OrganisationUpdate,
        ApiOperation.ListMembers => MembershipList,
        ApiOperation.GrantMembership => MembershipGrant,
        ApiOperation.EndMembership => MembershipEnd,
        ApiOperation.CreateSubscription => SubscriptionCreate,
        ApiOperation.ListSubscriptions => SubscriptionList,
        ApiOperation.ReadSubscription => SubscriptionRead,
        ApiOperation.DeleteSubscription => SubscriptionDelete,
        ApiOperation.ListDeliveries => DeliveryList,
        ApiOperation.Redeliver => DeliveryRedeliver,
        ApiOperation.MatchPerson => PersonMatch,
        ApiOperation.ListMatchRequests => MatchRequestList,
        ApiOperation.ReferMatchRequest => MatchRequestRefer,
        ApiOperation.DismissMatchRequest => MatchRequestDismiss,
        ApiOperation.LinkPersons => PersonLink,
        ApiOperation.SplitPersons => PersonSplit,
        ApiOperation.OpenNightCount => NightCountOpen,
        ApiOperation.ReadNightCount => NightCountRead,
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "No audit action for this operation."),
    };

    /// <summary>The action stored under <paramref name="name"/>.</summary>
    public static AuditAction FromName(string name) =>
        ByName.TryGetValue(name, out var action) ? action : throw new FormatException($"Unknown audit action '{name}'.");

    public override string ToString() => Name;
}
