using InclusionCases.Domain.Consents;

namespace InclusionCases.Functions.Consents.Contracts;

/// <summary>Body of <c>POST /api/persons/{personId}/consents</c>.</summary>
public sealed record ConsentRequest(string[]? OrganisationIds, ConsentScope[]? Scope, DateOnly? ExpiresOn, string? Evidence);
