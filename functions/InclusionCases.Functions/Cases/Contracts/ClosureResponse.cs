using InclusionCases.Domain.Cases;

namespace InclusionCases.Functions.Cases.Contracts;

/// <summary>Why and when a case was closed.</summary>
public sealed record ClosureResponse(ClosureReason? Reason, DateOnly? Date);
