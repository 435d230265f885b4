namespace InclusionCases.Domain.Reports;

/// <summary>A zone's tallies (or the total's) as published: <c>null</c> where suppressed.</summary>
public sealed record NightCountZone(string Zone, int? PeopleSeen, int? BeddedDown, bool Suppressed);
