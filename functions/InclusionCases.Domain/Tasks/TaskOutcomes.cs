namespace InclusionCases.Domain.Tasks;

/// <summary>The outcomes the system writes when it closes a task itself.</summary>
public static class TaskOutcomes
{
    /// <summary>The case was closed: its open tasks are cancelled.</summary>
    public const string CaseClosed = "caseClosed";

    /// <summary>The person checked in at the CPAS: the check-in that was due is done.</summary>
    public const string CheckedIn = "checkedIn";

    /// <summary>The consent was revoked or ended: there is nothing left to renew.</summary>
    public const string ConsentEnded = "consentEnded";

    /// <summary>The tenant is no longer housed: no more tenancy visits.</summary>
    public const string NoLongerHoused = "noLongerHoused";

    /// <summary>The task's organisation no longer takes part in the case: its open tasks there are cancelled.</summary>
    public const string ParticipationEnded = "participationEnded";

    /// <summary>The rule's dates changed (a PIIS signed anew, a new move-in date): the next occurrence replaces it.</summary>
    public const string Superseded = "superseded";

    /// <summary>Every outcome the system writes: fixed words, not free text about the person.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { CaseClosed, CheckedIn, ConsentEnded, NoLongerHoused, ParticipationEnded, Superseded };
}
