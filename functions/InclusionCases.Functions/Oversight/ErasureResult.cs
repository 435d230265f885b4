namespace InclusionCases.Functions.Oversight;

/// <summary>The outcome of an erasure: <c>erased</c> (a repeated call scrubs again and answers the same), and the records linked to the person, erased with it.</summary>
public sealed record ErasureResult(string PersonId, string Outcome, IReadOnlyList<string> LinkedPersonIds);
