namespace InclusionCases.Functions.Matching.Contracts;

/// <summary>
/// The answer to a match call: its request id (listed under outgoing match requests, whether or not any
/// other organisation holds a match) and the candidates among the persons the caller may already see,
/// best first.
/// </summary>
public sealed record MatchResponse(string RequestId, IReadOnlyList<MatchCandidate> Candidates);
