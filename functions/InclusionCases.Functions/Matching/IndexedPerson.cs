using InclusionCases.Domain.Matching;

namespace InclusionCases.Functions.Matching;

/// <summary>
/// What the match index keeps of one person: the profile the matcher scores, the organisations that see
/// one of the person's cases, and those whose mediators named the person in a street contact.
/// </summary>
public sealed record IndexedPerson(string PersonId, MatchProfile Profile, IReadOnlyList<string> Seeing, IReadOnlyList<string> Contacted)
{
    /// <summary>An erased person: nothing to find them by.</summary>
    public static IndexedPerson Erased(string personId) => new(personId, new MatchProfile(null, [], null, null, [], []), [], []);
}
