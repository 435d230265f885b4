namespace InclusionCases.Functions.Health;

/// <summary>The health of the API: <c>ok</c> when it can reach its storage.</summary>
public sealed record HealthResponse(string Status);
