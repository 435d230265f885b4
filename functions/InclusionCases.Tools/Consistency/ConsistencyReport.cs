namespace InclusionCases.Tools.Consistency;

/// <summary>What the consistency checker found: how many cases, which are inconsistent and why, and how many are still being projected.</summary>
public sealed record ConsistencyReport(int Cases, int PendingProjection, IReadOnlyList<string> Problems)
{
    public bool Consistent => Problems.Count == 0;
}
