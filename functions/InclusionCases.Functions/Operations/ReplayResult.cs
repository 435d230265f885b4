namespace InclusionCases.Functions.Operations;

/// <summary>How many poison messages went back onto their queue.</summary>
public sealed record ReplayResult(string Queue, int Replayed);
