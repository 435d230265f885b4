using InclusionCases.Domain.Text;

namespace InclusionCases.Functions.Http;

/// <summary>A kind of problem: its type URI (the same in every language), title and HTTP status.</summary>
public sealed record ProblemType(string Uri, Message Title, int Status);
