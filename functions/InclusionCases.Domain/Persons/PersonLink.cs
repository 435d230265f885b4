namespace InclusionCases.Domain.Persons;

/// <summary>
/// Two records of one person, linked by a holder of both (or an auditor) on the evidence given: both ids
/// then stand for the same person. A link split later (<see cref="SplitAt"/>) is kept: the pair is then
/// known to be two persons, and is not proposed as one again.
/// </summary>
public sealed record PersonLink(
    string Id,
    string PersonId,
    string OtherPersonId,
    string Evidence,
    string CreatedBy,
    string CreatedByOrganisationId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SplitAt = null,
    string? SplitBy = null)
{
    /// <summary>Whether the two records still stand for one person.</summary>
    public bool IsActive => SplitAt is null;
}
