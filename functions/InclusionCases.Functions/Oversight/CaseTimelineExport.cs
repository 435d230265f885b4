using InclusionCases.Functions.Cases.Contracts;

namespace InclusionCases.Functions.Oversight;

/// <summary>One case's whole timeline, notes of every visibility included.</summary>
public sealed record CaseTimelineExport(string CaseId, IReadOnlyList<TimelineItem> Items);
