using System.Text.Json.Serialization;

namespace InclusionCases.Functions.Reports.Contracts;

/// <summary>
/// A breakdown of one measure by one or two dimensions over whole quarters (<c>from</c> the first day of
/// the first, <c>to</c> the last day of the last), every count suppressed by the one rule
/// (<see cref="Domain.Reports.Suppression"/>). For the persons measures, aliases seen without a person
/// are counted apart in <c>unlinked</c>; for the housing measures, <c>byQuarterOfMoveIn</c> follows each
/// quarter's movers.
/// </summary>
public sealed record BreakdownReport(
    string Measure,
    IReadOnlyList<string> By,
    DateOnly From,
    DateOnly To,
    IReadOnlyList<IReadOnlyDictionary<string, object?>> Cells,
    IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyDictionary<string, object?>>> Totals,
    SuppressedCount Total,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] BreakdownTable? Unlinked,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<MoveInQuarterResponse>? ByQuarterOfMoveIn);
