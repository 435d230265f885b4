using InclusionCases.Domain.Cases;
using InclusionCases.Domain.Consents;

namespace InclusionCases.Domain.Tasks;

/// <summary>
/// What the derived tasks of a person's cases follow from: the cases (with their PIIS, if any),
/// the reference address, the consents, the street contacts flagged for follow-up that name the
/// person, and the tasks already there; and the other records linked to it as one person.
/// </summary>
public sealed record TaskSituation(
    IReadOnlyList<CaseFile> Cases,
    ReferenceAddress? ReferenceAddress,
    IReadOnlyList<Consent> Consents,
    IReadOnlyList<ContactFollowUp> FollowUps,
    IReadOnlyList<FollowUpTask> Tasks)
{
    /// <summary>The other records of the same person (none unless a worker linked them).</summary>
    public IReadOnlyList<LinkedRecord> Linked { get; init; } = [];
}
