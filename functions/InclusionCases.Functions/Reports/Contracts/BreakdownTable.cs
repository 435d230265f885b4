namespace InclusionCases.Functions.Reports.Contracts;

/// <summary>
/// A suppressed table: each cell names its value in every dimension by the dimension's name, with
/// <c>value</c> and <c>suppressed</c> (<c>{ "gender": "female", "zone": "flagey", "value": 12, "suppressed": false }</c>);
/// <c>totals</c> holds, per dimension, the totals of its values; <c>total</c> the table's.
/// </summary>
public sealed record BreakdownTable(
    IReadOnlyList<IReadOnlyDictionary<string, object?>> Cells,
    IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyDictionary<string, object?>>> Totals,
    SuppressedCount Total);
