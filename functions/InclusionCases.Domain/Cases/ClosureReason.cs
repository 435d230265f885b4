namespace InclusionCases.Domain.Cases;

/// <summary>Why a case was closed: a closed list, so reports can count it and no free text about the person is needed.</summary>
public enum ClosureReason
{
    Housed,
    MovedAway,
    Transferred,
    NoContact,
    Refused,
    Deceased,
    Other,
}
