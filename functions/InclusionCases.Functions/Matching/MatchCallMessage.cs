using InclusionCases.Domain.Matching;
using InclusionCases.Domain.Persons;

namespace InclusionCases.Functions.Matching;

/// <summary>
/// A <c>match-requests</c> message: one match call, for the holders' side to be looked for out of the
/// caller's sight. Identifiers travel only as keyed hashes (and their schemes, to show the holder);
/// <see cref="Answered"/> lists the candidates the caller was answered (persons it sees already).
/// </summary>
public sealed record MatchCallMessage(
    string RequestId,
    string OrganisationId,
    string CallerId,
    DateTimeOffset At,
    string? DisplayName,
    IReadOnlyList<string> Aliases,
    int? BirthYear,
    Gender? Gender,
    string? Zone,
    IReadOnlyList<string> IdentifierHashes,
    IReadOnlyList<IdentifierScheme> IdentifierSchemes,
    IReadOnlyList<string> Answered)
{
    /// <summary>What the matcher compares.</summary>
    public MatchProfile Profile => new(DisplayName, Aliases, BirthYear, Gender, Zone is null ? [] : [Zone], IdentifierHashes);

    /// <summary>The fields as a match request shows them.</summary>
    public Contracts.MatchFields Fields => new(DisplayName, Aliases, BirthYear, Gender, Zone, IdentifierSchemes);
}
