using InclusionCases.Domain.Persons;

namespace InclusionCases.Functions.Matching.Contracts;

/// <summary>A link between two records of one person; <see cref="SplitAt"/> is set once it was split.</summary>
public sealed record PersonLinkResponse(string Id, string PersonId, string OtherPersonId, string Evidence, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? SplitAt, string? SplitBy)
{
    public static PersonLinkResponse From(PersonLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return new(link.Id, link.PersonId, link.OtherPersonId, link.Evidence, link.CreatedAt, link.CreatedBy, link.SplitAt, link.SplitBy);
    }
}
