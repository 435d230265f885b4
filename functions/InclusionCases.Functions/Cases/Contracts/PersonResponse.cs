using System.Text.Json.Serialization;
using InclusionCases.Domain.Persons;

namespace InclusionCases.Functions.Cases.Contracts;

/// <summary>The person of a case. <see cref="Sensitive"/> is absent for callers who may not see it.</summary>
public sealed record PersonResponse(
    string Id,
    string DisplayName,
    int? BirthYear,
    Gender? Gender,
    IReadOnlyList<string> Languages,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SensitiveResponse? Sensitive)
{
    /// <summary>
    /// On a case read: the other records of the same person (linked, see matching) that the caller also
    /// sees; absent when there are none.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? LinkedPersonIds { get; init; }
}
