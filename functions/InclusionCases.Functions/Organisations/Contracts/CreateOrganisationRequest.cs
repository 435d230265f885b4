using System.ComponentModel.DataAnnotations;
using InclusionCases.Domain.Identity;
using InclusionCases.Functions.Http;

namespace InclusionCases.Functions.Organisations.Contracts;

/// <summary>Body of <c>POST /api/organisations</c>; <c>acceptsReferrals</c> defaults to true.</summary>
public sealed record CreateOrganisationRequest(
    [property: Required, MaxLength(OrganisationInput.MaxIdLength)] string? Id,
    [property: Required, MaxLength(FieldErrors.MaxNameLength)] string? Name,
    [property: Required] OrganisationKind? Kind,
    Offer[]? Offers,
    [property: MaxLength(OrganisationInput.MaxLanguages)] string[]? Languages,
    bool? AcceptsReferrals);
