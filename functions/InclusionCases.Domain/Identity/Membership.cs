namespace InclusionCases.Domain.Identity;

/// <summary>
/// Which organisation a user or partner application belongs to (managed by coordinators), since when
/// and, if it was granted for a while only, until when.
/// </summary>
public sealed record Membership(string UserId, string OrganisationId, string DisplayName)
{
    /// <summary>When it was granted; null for rows written before this was recorded.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>When it ends by itself; null when it lasts until it is ended.</summary>
    public DateTimeOffset? ValidUntil { get; init; }

    /// <summary>Whether it still lets its user act at <paramref name="now"/>.</summary>
    public bool IsActiveAt(DateTimeOffset now) => ValidUntil is not { } until || now < until;
}
