using InclusionCases.Domain.Reports;

namespace InclusionCases.Functions.Reports.Contracts;

/// <summary>
/// A night count and its tallies so far: by zone, people seen (each once) and those of them found bedded
/// down, suppressed by the rule of every report; and the same in total.
/// </summary>
public sealed record NightCountResponse(string Id, DateOnly Night, string From, string To, IReadOnlyList<NightCountZone> Zones, NightCountZone Total);
