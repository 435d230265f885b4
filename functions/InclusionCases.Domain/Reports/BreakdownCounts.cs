namespace InclusionCases.Domain.Reports;

/// <summary>
/// A breakdown's counts before suppression. <see cref="Values"/> holds each dimension's values in
/// order; <see cref="Counts"/> has a row per value of the first dimension and a column per value of the
/// second, or, by one dimension, a single row with a column per value.
/// </summary>
public sealed record BreakdownCounts(IReadOnlyList<ReportDimension> By, IReadOnlyList<IReadOnlyList<string>> Values, IReadOnlyList<IReadOnlyList<int>> Counts)
{
    /// <summary>Whether there is no value to show (no zone seen in the period).</summary>
    public bool IsEmpty => Values.Any(v => v.Count == 0);
}
