namespace InclusionCases.Domain.Tasks;

/// <summary>A task a rule wants open: on which case, for which occurrence (<see cref="RuleKey"/>), due when, whose to-do.</summary>
public sealed record DerivedTask(string CaseId, TaskKind Kind, string RuleKey, DateOnly DueOn, string OrganisationId);
