using InclusionCases.Domain.Cases;

namespace InclusionCases.Domain.Tasks;

/// <summary>
/// Another record of the same person, linked by a worker: its cases, its tasks and the flagged street
/// contacts that name it. The rules read it so that a contact naming either record is followed up by the
/// person's organisations once, whichever record holds their case.
/// </summary>
public sealed record LinkedRecord(IReadOnlyList<CaseFile> Cases, IReadOnlyList<FollowUpTask> Tasks, IReadOnlyList<ContactFollowUp> FollowUps);
