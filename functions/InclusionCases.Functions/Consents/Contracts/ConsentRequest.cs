using System.ComponentModel.DataAnnotations;
using InclusionCases.Domain.Consents;
using InclusionCases.Functions.Consents.UseCases;

namespace InclusionCases.Functions.Consents.Contracts;

/// <summary>Body of <c>POST /api/persons/{personId}/consents</c>.</summary>
public sealed record ConsentRequest(
    [property: Required, MinLength(1), MaxLength(RecordConsent.MaxOrganisations)] string[]? OrganisationIds,
    [property: Required] ConsentScope[]? Scope,
    [property: Required] DateOnly? ExpiresOn,
    [property: Required, MaxLength(RecordConsent.MaxEvidenceLength)] string? Evidence);
