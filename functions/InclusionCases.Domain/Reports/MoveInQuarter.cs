namespace InclusionCases.Domain.Reports;

/// <summary>
/// One quarter of move-in, as published: how many moved in; for a retention measure, how many of those
/// whose anniversary has passed were still housed and what share; and the median days from intake to
/// housed. <c>null</c> where suppressed.
/// </summary>
public sealed record MoveInQuarter(ReportQuarter Quarter, int? Housed, int? Retained, double? Share, double? MedianDaysIntakeToHoused)
{
    /// <summary>Whether a count of this quarter is suppressed.</summary>
    public bool Suppressed { get; init; }
}
