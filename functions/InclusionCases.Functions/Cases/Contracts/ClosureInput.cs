using InclusionCases.Domain.Cases;

namespace InclusionCases.Functions.Cases.Contracts;

/// <summary>Closure fields of a case update.</summary>
public sealed record ClosureInput(ClosureReason? Reason, DateOnly? Date);
