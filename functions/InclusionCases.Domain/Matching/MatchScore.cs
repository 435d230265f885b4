namespace InclusionCases.Domain.Matching;

/// <summary>How alike two profiles are, from 0 to 1, and why, in words a social worker reads.</summary>
public sealed record MatchScore(double Score, IReadOnlyList<string> Reasons)
{
    /// <summary>Whether the score reaches <see cref="PersonMatcher.Threshold"/>.</summary>
    public bool IsMatch => Score >= PersonMatcher.Threshold;
}
