using InclusionCases.Domain.Consents;
using InclusionCases.Domain.Identity;

namespace InclusionCases.Domain.Access;

/// <summary>
/// Decides every (caller, operation, resource) question of the case API, in one place:
/// <list type="bullet">
/// <item>an organisation sees a case when it leads it, or takes part in it while the person's consent
/// covers it; anything else is <see cref="AccessDecision.NotFound"/>;</item>
/// <item>on a case it sees, the caller's roles decide (<see cref="Roles"/>): social workers write,
/// partners read, add shared notes and answer referrals; other roles never touch case files;</item>
/// <item>only the lead organisation refers and records or revokes consent; only the referred
/// organisation answers a referral;</item>
/// <item>sensitive fields go to social workers of the lead, and of participants whose consent has the
/// <c>sensitive</c> scope; organisation notes to the author's organisation only;</item>
/// <item>mediators log and read their own organisation's street contacts; a person's outreach history
/// is read through one of their cases; operators handle poison messages; auditors read the audit
/// log, export and erase a person; coordinators and auditors read aggregated reports.</item>
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

    /// <summary>The roles that may perform each operation at all: the table the authorization tests enumerate.</summary>
    public static IReadOnlyDictionary<ApiOperation, IReadOnlySet<AppRole>> Roles { get; } = new Dictionary<ApiOperation, IReadOnlySet<AppRole>>
    {
        [ApiOperation.CreateCase] = Writers,
        [ApiOperation.ListCases] = Readers,
        [ApiOperation.ReadCase] = Readers,
        [ApiOperation.UpdateCase] = Writers,
        [ApiOperation.AddNote] = Readers,
        [ApiOperation.ReadTimeline] = Readers,
        [ApiOperation.RecordConsent] = Writers,
        [ApiOperation.RevokeConsent] = Writers,
        [ApiOperation.CreateReferral] = Writers,
        [ApiOperation.ListReferrals] = Readers,
        [ApiOperation.DecideReferral] = Readers,
        [ApiOperation.ReadOutreach] = Readers,
        [ApiOperation.LogContacts] = Mediators,
        [ApiOperation.ListContacts] = Mediators,
        [ApiOperation.ListPoison] = Operators,
        [ApiOperation.ReplayPoison] = Operators,
        [ApiOperation.ReadAudit] = Auditors,
        [ApiOperation.ExportPerson] = Auditors,
        [ApiOperation.ErasePerson] = Auditors,
        [ApiOperation.ReadReports] = ReportReaders,
    };

    /// <summary>Whether the caller's roles allow the operation at all (routes that concern no single case).</summary>
    public static bool MayPerform(Caller caller, ApiOperation operation)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.Roles.Overlaps(Roles[operation]);
    }

    public static bool CanSee(string organisationId, CaseAccess access, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(access);
        return organisationId == access.LeadOrganisationId
            || (access.Participants.Contains(organisationId) && ConsentCovers(access.Consents, organisationId, ConsentScope.Case, now));
    }

    /// <summary>Decides an operation on one case.</summary>
    public static AccessDecision Decide(Caller caller, ApiOperation operation, CaseAccess access, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(access);
        if (!CanSee(caller.OrganisationId, access, now))
        {
            return AccessDecision.NotFound;
        }

        if (!MayPerform(caller, operation))
        {
            return AccessDecision.Forbidden;
        }

        var leads = caller.OrganisationId == access.LeadOrganisationId;
        return operation switch
        {
            ApiOperation.CreateReferral or ApiOperation.RecordConsent or ApiOperation.RevokeConsent when !leads => AccessDecision.Forbidden,
            ApiOperation.DecideReferral => AccessDecision.Forbidden, // decided on the referral, see DecideOnReferral
            _ => AccessDecision.Allowed,
        };
    }

    /// <summary>Decides an operation on a person, who is visible through any of their cases.</summary>
    public static AccessDecision DecideOnPerson(Caller caller, ApiOperation operation, IReadOnlyList<CaseAccess> cases, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var decisions = cases.Select(c => Decide(caller, operation, c, now)).ToList();
        return decisions.Contains(AccessDecision.Allowed) ? AccessDecision.Allowed
            : decisions.Contains(AccessDecision.Forbidden) ? AccessDecision.Forbidden
            : AccessDecision.NotFound;
    }

    /// <summary>
    /// Accepting or declining a referral: only the referred organisation's social workers or systems.
    /// The referring organisation knows the referral (403); anyone else may not learn of it (404).
    /// </summary>
    public static AccessDecision DecideOnReferral(Caller caller, string fromOrganisationId, string toOrganisationId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.OrganisationId == toOrganisationId)
        {
            return MayPerform(caller, ApiOperation.DecideReferral) ? AccessDecision.Allowed : AccessDecision.Forbidden;
        }

        return caller.OrganisationId == fromOrganisationId ? AccessDecision.Forbidden : AccessDecision.NotFound;
    }

    /// <summary>Whether the caller may see (and so write) the person's sensitive fields on this case.</summary>
    public static bool CanSeeSensitive(Caller caller, CaseAccess access, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(access);
        if (!caller.IsIn(AppRole.SocialWorker))
        {
            return false;
        }

        return caller.OrganisationId == access.LeadOrganisationId
            || (access.Participants.Contains(caller.OrganisationId) && ConsentCovers(access.Consents, caller.OrganisationId, ConsentScope.Sensitive, now));
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

    /// <summary>Whether an active consent covers the organisation for the scope.</summary>
    public static bool ConsentCovers(IEnumerable<Consent> consents, string organisationId, ConsentScope scope, DateTimeOffset now) =>
        consents.Any(c => c.Covers(organisationId, scope, now));
}
