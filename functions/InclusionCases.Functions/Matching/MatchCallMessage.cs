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

    /// <summary>
    /// The message with its fields erased when it was answered <paramref name="personId"/> (the fields then
    /// describe that person), for an erasure; null when it does not name the person or cannot be read.
    /// </summary>
    public static string? ScrubPerson(string text, string personId)
    {
        MatchCallMessage? call;
        try
        {
            call = Http.QueueMessages.Parse<MatchCallMessage>(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }

        return call.Answered?.Contains(personId, StringComparer.Ordinal) == true
            ? Http.QueueMessages.Serialize(call with { DisplayName = Person.ErasedText, Aliases = [], BirthYear = null, Gender = null, Zone = null, IdentifierHashes = [], IdentifierSchemes = [] })
            : null;
    }
}
