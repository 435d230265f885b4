using InclusionCases.Domain.Consents;

namespace InclusionCases.Functions.Consents.Contracts;

/// <summary>A recorded consent.</summary>
public sealed record ConsentResponse(
    string Id,
    string PersonId,
    IReadOnlyList<string> OrganisationIds,
    IReadOnlyList<ConsentScope> Scope,
    DateOnly ExpiresOn,
    string Evidence,
    string RecordedBy,
    string RecordedByOrganisationId,
    DateTimeOffset RecordedAt,
    DateTimeOffset? RevokedAt)
{
    public static ConsentResponse From(Consent c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(c.Id, c.PersonId, c.OrganisationIds, [.. c.Scope.Order()], c.ExpiresOn, c.Evidence, c.RecordedBy, c.RecordedByOrganisationId, c.RecordedAt, c.RevokedAt);
    }
}
