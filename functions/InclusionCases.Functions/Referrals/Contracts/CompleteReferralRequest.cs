using System.ComponentModel.DataAnnotations;

namespace InclusionCases.Functions.Referrals.Contracts;

/// <summary>Body of <c>POST /api/referrals/{referralId}/complete</c>: what came of the referral.</summary>
public sealed record CompleteReferralRequest([property: Required, MaxLength(CompleteReferralRequest.MaxOutcomeLength)] string? Outcome)
{
    public const int MaxOutcomeLength = 2_000;
}
