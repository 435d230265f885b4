namespace InclusionCases.Domain.Persons;

/// <summary>
/// The person a case is about: identifying fields, and the sensitive ones kept apart.
/// <see cref="ErasedAt"/> is set when the person's data was erased (GDPR art. 17).
/// </summary>
public sealed record Person(
    string Id,
    string DisplayName,
    int? BirthYear,
    Gender? Gender,
    IReadOnlyList<string> Languages,
    SensitiveData? Sensitive,
    DateTimeOffset? ErasedAt = null)
{
    /// <summary>What replaces erased text: the record and its dates stay, the words are gone.</summary>
    public const string ErasedText = "[erased]";

    /// <summary>
    /// Keyed hashes of the person's NISS or BIS numbers (never the numbers): equal numbers hash equal
    /// for every organisation, which is how a person is matched across holders.
    /// </summary>
    public IReadOnlyList<string> IdentifierHashes { get; init; } = [];

    /// <summary>The person with every identifying and sensitive field replaced.</summary>
    public Person Erase(DateTimeOffset at) => this with
    {
        DisplayName = ErasedText,
        BirthYear = null,
        Gender = null,
        Languages = [],
        Sensitive = null,
        IdentifierHashes = [],
        ErasedAt = at,
    };
}
