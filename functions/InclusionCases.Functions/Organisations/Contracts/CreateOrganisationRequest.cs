using InclusionCases.Domain.Identity;

namespace InclusionCases.Functions.Organisations.Contracts;

/// <summary>Body of <c>POST /api/organisations</c>; <c>acceptsReferrals</c> defaults to true.</summary>
public sealed record CreateOrganisationRequest(string? Id, string? Name, OrganisationKind? Kind, Offer[]? Offers, string[]? Languages, bool? AcceptsReferrals);
