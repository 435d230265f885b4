using System.ComponentModel.DataAnnotations;
using InclusionCases.Domain.Identity;
using InclusionCases.Functions.Http;

namespace InclusionCases.Functions.Organisations.Contracts;

/// <summary>Body of <c>PATCH /api/organisations/{id}</c> (merge semantics: what is absent stays; the id never changes).</summary>
public sealed record UpdateOrganisationRequest(
    [property: MaxLength(FieldErrors.MaxNameLength)] string? Name,
    OrganisationKind? Kind,
    Offer[]? Offers,
    [property: MaxLength(OrganisationInput.MaxLanguages)] string[]? Languages,
    bool? AcceptsReferrals);
