namespace InclusionCases.Domain.Reports;

/// <summary>A night count's published tallies: by zone, in the count's order, and in total.</summary>
public sealed record NightCountResult(IReadOnlyList<NightCountZone> Zones, NightCountZone Total);
