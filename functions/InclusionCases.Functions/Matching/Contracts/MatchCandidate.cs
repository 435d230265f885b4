namespace InclusionCases.Functions.Matching.Contracts;

/// <summary>
/// A person the caller may already see who may be the one it looks for: the cases of theirs it sees
/// (none for a Mediator, who reads no case), the score from 0 to 1 and the reasons, which quote only
/// what the caller sent.
/// </summary>
public sealed record MatchCandidate(string PersonId, IReadOnlyList<string> CaseIds, double Score, IReadOnlyList<string> Reasons);
