using InclusionCases.Functions.Cases.Contracts;
using InclusionCases.Functions.Consents.Contracts;
using InclusionCases.Functions.Contacts.Contracts;
using InclusionCases.Functions.ReferenceAddresses.Contracts;
using InclusionCases.Functions.Referrals.Contracts;
using InclusionCases.Functions.Tasks.Contracts;

namespace InclusionCases.Functions.Oversight;

/// <summary>
/// Everything held about a person (GDPR art. 15): their cases with every note and event, consents,
/// referrals, follow-up tasks, the reference address, the street contacts naming them, the disclosure log: who read or received their
/// data, when; the links to other records of them, and (<see cref="Linked"/>) the export of each record linked to this one.
/// </summary>
public sealed record PersonExport(
    string PersonId,
    DateTimeOffset ExportedAt,
    IReadOnlyList<CaseResponse> Cases,
    IReadOnlyList<CaseTimelineExport> Timelines,
    IReadOnlyList<ConsentResponse> Consents,
    IReadOnlyList<ReferralResponse> Referrals,
    IReadOnlyList<TaskResponse> Tasks,
    ReferenceAddressResponse? ReferenceAddress,
    IReadOnlyList<ContactResponse> Contacts,
    IReadOnlyList<AuditItem> Disclosures,
    IReadOnlyList<Matching.Contracts.PersonLinkResponse> Links,
    IReadOnlyList<PersonExport> Linked);
