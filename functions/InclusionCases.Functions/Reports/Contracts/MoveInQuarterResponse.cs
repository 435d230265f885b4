namespace InclusionCases.Functions.Reports.Contracts;

/// <summary>
/// One quarter of move-in (<c>2026-Q1</c>): how many moved in (for a retention measure: how many have
/// passed the anniversary), how many were still housed then and their share, and the median days from
/// intake to housed. Each is <c>null</c> where suppressed or not part of the measure.
/// </summary>
public sealed record MoveInQuarterResponse(string Quarter, int? Housed, int? Retained, double? Share, double? MedianDaysIntakeToHoused, bool Suppressed);
