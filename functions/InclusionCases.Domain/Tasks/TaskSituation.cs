using InclusionCases.Domain.Cases;
using InclusionCases.Domain.Consents;

namespace InclusionCases.Domain.Tasks;

/// <summary>
/// What the derived tasks of a person's cases follow from: the cases (with their PIIS, if any),
/// the reference address, the consents, the street contacts flagged for follow-up that name the
/// person, and the tasks already there.
/// </summary>
public sealed record TaskSituation(
    IReadOnlyList<CaseFile> Cases,
    ReferenceAddress? ReferenceAddress,
    IReadOnlyList<Consent> Consents,
    IReadOnlyList<ContactFollowUp> FollowUps,
    IReadOnlyList<FollowUpTask> Tasks);
