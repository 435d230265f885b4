using System.ComponentModel.DataAnnotations;
using InclusionCases.Domain.Referrals;

namespace InclusionCases.Functions.Referrals.Contracts;

/// <summary>Body of <c>POST /api/referrals/{referralId}/decline</c>, optional: no body, or no reason, means <c>other</c>.</summary>
public sealed record DeclineReferralRequest(
    DeclineReason? Reason,
    [property: MaxLength(DeclineReferralRequest.MaxNoteLength)] string? Note)
{
    public const int MaxNoteLength = 2_000;
}
