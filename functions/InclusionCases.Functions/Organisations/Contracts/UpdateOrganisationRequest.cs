using InclusionCases.Domain.Identity;

namespace InclusionCases.Functions.Organisations.Contracts;

/// <summary>Body of <c>PATCH /api/organisations/{id}</c> (merge semantics: what is absent stays; the id never changes).</summary>
public sealed record UpdateOrganisationRequest(string? Name, OrganisationKind? Kind, Offer[]? Offers, string[]? Languages, bool? AcceptsReferrals);
