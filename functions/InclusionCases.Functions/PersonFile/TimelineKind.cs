namespace InclusionCases.Functions.PersonFile;

/// <summary>What a timeline entry records.</summary>
public enum TimelineKind
{
    Note,
    Created,
    Updated,
    StatusChanged,
    ReferralCreated,
    ReferralAccepted,
    ReferralDeclined,
    ReferralWithdrawn,
    ReferralCompleted,
    ReferralExpired,
    ParticipationEnded,
    ConsentRecorded,
    ConsentRevoked,
}
