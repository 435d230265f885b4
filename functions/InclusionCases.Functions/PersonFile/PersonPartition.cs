using InclusionCases.Domain.Access;
using InclusionCases.Domain.Cases;
using InclusionCases.Domain.Consents;
using InclusionCases.Domain.Persons;
using InclusionCases.Domain.Referrals;
using InclusionCases.Domain.Tasks;

namespace InclusionCases.Functions.PersonFile;

/// <summary>
/// Everything stored about one person except the timelines, read in one partition query: the
/// person, their cases, consents, referrals, follow-up tasks, links to other records of them, and the projector's bookkeeping (outbox rows, the
/// audit entries and webhook events of writes that carry them in the outbox, the organisations each case is indexed for,
/// when the oldest outbox row was committed).
/// </summary>
public sealed record PersonPartition(
    string PersonId,
    Stored<Person>? Person,
    IReadOnlyList<Stored<CaseFile>> Cases,
    IReadOnlyList<Stored<Consent>> Consents,
    IReadOnlyList<Stored<Referral>> Referrals,
    IReadOnlyList<Stored<FollowUpTask>> Tasks,
    Stored<ReferenceAddress>? ReferenceAddress,
    IReadOnlyDictionary<string, DateOnly> CheckIns,
    IReadOnlyList<string> OutboxRowKeys,
    IReadOnlyList<Audit.AuditEntry> OutboxAudit,
    IReadOnlyList<Domain.Webhooks.WebhookEvent> OutboxEvents,
    IReadOnlyDictionary<string, IReadOnlyList<string>> IndexedOrganisations,
    DateTimeOffset PersonCreatedAt,
    DateTimeOffset? OldestOutboxAt)
{
    /// <summary>The person's links to other records of them, split ones included.</summary>
    public IReadOnlyList<Stored<PersonLink>> Links { get; init; } = [];

    /// <summary>The other records that stand for this person now.</summary>
    public IEnumerable<string> LinkedPersonIds => Links.Where(l => l.Value.IsActive).Select(l => l.Value.OtherPersonId).Distinct(StringComparer.Ordinal);

    /// <summary>The records once linked to this person and split from it: never proposed as one person again.</summary>
    public IEnumerable<string> SplitFromPersonIds => Links.Where(l => !l.Value.IsActive).Select(l => l.Value.OtherPersonId).Except(LinkedPersonIds, StringComparer.Ordinal);

    public Stored<CaseFile>? Case(string caseId) => Cases.FirstOrDefault(c => c.Value.Id == caseId);

    public Stored<Referral>? Referral(string referralId) => Referrals.FirstOrDefault(r => r.Value.Id == referralId);

    public Stored<FollowUpTask>? Task(string taskId) => Tasks.FirstOrDefault(t => t.Value.Id == taskId);

    public Stored<Consent>? Consent(string consentId) => Consents.FirstOrDefault(c => c.Value.Id == consentId);

    public IReadOnlyList<Consent> ConsentValues => [.. Consents.Select(c => c.Value)];

    /// <summary>What the access policy needs to know of the person: cases, consents, erasure.</summary>
    public PersonAccess Access => new(
        [.. Cases.Select(c => new CaseAccess(c.Value.Id, c.Value.LeadOrganisationId, c.Value.Participants))],
        ConsentValues,
        Person?.Value.ErasedAt is not null);
}
