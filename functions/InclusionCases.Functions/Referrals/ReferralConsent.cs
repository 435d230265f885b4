using InclusionCases.Domain.Access;
using InclusionCases.Domain.Consents;
using InclusionCases.Functions.Http;

namespace InclusionCases.Functions.Referrals;

/// <summary>A referral needs an active consent of the person covering the referred organisation, when made and when accepted.</summary>
internal static class ReferralConsent
{
    public static void Require(PersonAccess person, string organisationId, DateTimeOffset now)
    {
        if (!person.ConsentCovers(organisationId, ConsentScope.Case, now))
        {
            throw new ApiProblemException(ProblemTypes.ConsentRequired, $"No active consent of the person covers {organisationId}. Record the person's consent first.");
        }
    }
}
