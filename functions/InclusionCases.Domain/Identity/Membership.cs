namespace InclusionCases.Domain.Identity;

/// <summary>Which organisation a user or partner application belongs to (managed by coordinators).</summary>
public sealed record Membership(string UserId, string OrganisationId, string DisplayName);
