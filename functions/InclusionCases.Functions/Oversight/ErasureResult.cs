namespace InclusionCases.Functions.Oversight;

/// <summary>The outcome of an erasure: <c>erased</c>, or <c>alreadyErased</c> for a repeated call.</summary>
public sealed record ErasureResult(string PersonId, string Outcome);
