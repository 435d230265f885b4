namespace InclusionCases.Functions.Http;

/// <summary>One page of a list: the items, and the cursor of the next page (null on the last page).</summary>
public sealed record PageResponse<T>(IReadOnlyList<T> Items, string? Next);
