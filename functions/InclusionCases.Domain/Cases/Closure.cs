namespace InclusionCases.Domain.Cases;

/// <summary>Why and when a case was closed.</summary>
public sealed record Closure(ClosureReason? Reason, DateOnly? Date);
