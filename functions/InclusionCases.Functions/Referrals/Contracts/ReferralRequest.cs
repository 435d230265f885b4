using System.ComponentModel.DataAnnotations;
using InclusionCases.Functions.Organisations;
using InclusionCases.Functions.Referrals.UseCases;

namespace InclusionCases.Functions.Referrals.Contracts;

/// <summary>Body of <c>POST /api/cases/{caseId}/referrals</c>.</summary>
public sealed record ReferralRequest([property: Required, MaxLength(OrganisationInput.MaxIdLength)] string? ToOrganisationId, [property: Required, MaxLength(CreateReferral.MaxReasonLength)] string? Reason);
