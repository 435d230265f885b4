namespace InclusionCases.Functions.Referrals;

/// <summary>Referrals an organisation received, or sent.</summary>
public enum ReferralDirection
{
    Incoming,
    Outgoing,
}
