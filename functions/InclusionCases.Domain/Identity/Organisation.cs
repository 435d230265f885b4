namespace InclusionCases.Domain.Identity;

/// <summary>A commune, CPAS or NGO taking part in the coordination.</summary>
public sealed record Organisation(string Id, string Name, OrganisationKind Kind);
