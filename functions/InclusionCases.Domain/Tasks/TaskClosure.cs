namespace InclusionCases.Domain.Tasks;

/// <summary>An open task the system closes, and why (<see cref="TaskOutcomes"/>).</summary>
public sealed record TaskClosure(FollowUpTask Task, FollowUpTaskStatus Status, string Outcome);
