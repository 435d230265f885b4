using System.ComponentModel.DataAnnotations;
using InclusionCases.Domain.Identity;
using InclusionCases.Functions.Http;

namespace InclusionCases.Functions.Organisations.Contracts;

/// <summary>Body of <c>PATCH /api/organisations/{id}</c> (merge semantics: what is absent stays; the id never changes).</summary>
public sealed record UpdateOrganisationRequest(
    [property: NotNullWhenSent, MaxLength(FieldErrors.MaxNameLength)] string? Name,
    [property: NotNullWhenSent] OrganisationKind? Kind,
    [property: NotNullWhenSent] Offer[]? Offers,
    [property: NotNullWhenSent, MaxLength(OrganisationInput.MaxLanguages)] string[]? Languages,
    [property: NotNullWhenSent] bool? AcceptsReferrals);
