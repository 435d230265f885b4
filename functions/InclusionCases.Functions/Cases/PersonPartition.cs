using InclusionCases.Domain.Access;
using InclusionCases.Domain.Cases;
using InclusionCases.Domain.Consents;
using InclusionCases.Domain.Persons;
using InclusionCases.Domain.Referrals;

namespace InclusionCases.Functions.Cases;

/// <summary>
/// Everything stored about one person except the timelines, read in one partition query: the
/// person, their cases, consents, referrals, and the projector's bookkeeping (outbox rows, the
/// audit entries of writes that carry theirs in the outbox, the organisations each case is indexed for).
/// </summary>
public sealed record PersonPartition(
    string PersonId,
    Stored<Person>? Person,
    IReadOnlyList<Stored<CaseFile>> Cases,
    IReadOnlyList<Stored<Consent>> Consents,
    IReadOnlyList<Stored<Referral>> Referrals,
    IReadOnlyList<string> OutboxRowKeys,
    IReadOnlyList<Audit.AuditEntry> OutboxAudit,
    IReadOnlyDictionary<string, IReadOnlyList<string>> IndexedOrganisations,
    DateTimeOffset PersonCreatedAt)
{
    public Stored<CaseFile>? Case(string caseId) => Cases.FirstOrDefault(c => c.Value.Id == caseId);

    public Stored<Referral>? Referral(string referralId) => Referrals.FirstOrDefault(r => r.Value.Id == referralId);

    public Stored<Consent>? Consent(string consentId) => Consents.FirstOrDefault(c => c.Value.Id == consentId);

    public IReadOnlyList<Consent> ConsentValues => [.. Consents.Select(c => c.Value)];

    public CaseAccess AccessTo(CaseFile caseFile) => new(caseFile.LeadOrganisationId, caseFile.Participants, ConsentValues);
}
