namespace InclusionCases.Domain.Tasks;

/// <summary>
/// A follow-up task on a case. <see cref="OrganisationId"/> is the organisation whose to-do it is (the
/// author's for a custom task, the case's lead for a derived one); <see cref="RuleKey"/> names the
/// occurrence a derived task stands for (a due date, a consent, a contact), so a rule never makes the
/// same task twice.
/// </summary>
public sealed record FollowUpTask(
    string Id,
    string CaseId,
    TaskKind Kind,
    string? RuleKey,
    string Title,
    DateOnly DueOn,
    FollowUpTaskStatus Status,
    string OrganisationId,
    string? AssignedWorkerId,
    string? Outcome,
    DateTimeOffset CreatedAt,
    DateOnly? CompletedOn)
{
    /// <summary>Open and due before <paramref name="today"/>.</summary>
    public bool IsOverdue(DateOnly today) => Status == FollowUpTaskStatus.Open && DueOn < today;

    /// <summary>Open and due from <paramref name="today"/> to a week after it.</summary>
    public bool IsDueSoon(DateOnly today) => Status == FollowUpTaskStatus.Open && DueOn >= today && DueOn <= today.AddDays(TaskRules.DueSoonDays);
}
