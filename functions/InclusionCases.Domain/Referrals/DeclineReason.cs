namespace InclusionCases.Domain.Referrals;

/// <summary>Why a referred organisation declined, in words every organisation counts the same way.</summary>
public enum DeclineReason
{
    Capacity,
    NotEligible,
    PersonRefused,
    NoContact,
    Other,
}
