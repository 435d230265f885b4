namespace InclusionCases.Functions.Http;

/// <summary>A kind of problem: its type URI, title and HTTP status.</summary>
public sealed record ProblemType(string Uri, string Title, int Status);
