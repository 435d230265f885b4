using InclusionCases.Domain.Reports;
using InclusionCases.Domain.Time;
using InclusionCases.Functions.Audit;
using InclusionCases.Functions.Reports.Contracts;

namespace InclusionCases.Functions.Reports.UseCases;

/// <summary>
/// A breakdown for coordinators and auditors: the facts of the period's quarters (<see cref="BreakdownFacts"/>),
/// counted (<see cref="Breakdowns"/>) and suppressed (<see cref="Suppression"/>); audited as a report read.
/// </summary>
public sealed class GetBreakdown(BreakdownFacts facts, AuditLog audit, TimeProvider clock)
{
    public async Task<BreakdownReport> ExecuteAsync(BreakdownRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var measure = BreakdownRequest.Name(request.Measure);
        var by = request.By.Select(BreakdownRequest.Name).ToList();
        await audit.RecordAttemptAsync(AuditAction.ReportRead, $"reports/breakdown?measure={measure}&by={string.Join(',', by)}&from={request.From.Key}&to={request.To.Key}", null, cancellationToken);
        var today = PlausibleDates.Today(clock.GetUtcNow());
        var housing = request.Measure != ReportMeasure.CasesOpened && Breakdowns.IsCaseMeasure(request.Measure);
        IReadOnlyList<CaseFact> cases = Breakdowns.IsCaseMeasure(request.Measure) ? await facts.CasesAsync(housing, request.From, request.To, cancellationToken) : [];
        IReadOnlyList<SeenFact> seen = Breakdowns.IsCaseMeasure(request.Measure) ? [] : await facts.SeenAsync(request.From, request.To, cancellationToken);

        var main = Table(Breakdowns.Count(request.Measure, request.By, request.From, request.To, cases, seen, today));
        var unlinked = Breakdowns.CountUnlinked(request.Measure, request.By, request.From, request.To, seen) is { } counts ? Table(counts) : null;
        var quarters = housing
            ? Breakdowns.ByQuarterOfMoveIn(request.Measure, request.From, request.To, cases, today)
                .Select(q => new MoveInQuarterResponse(q.Quarter.Key, q.Housed, q.Retained, q.Share, q.MedianDaysIntakeToHoused, q.Suppressed)).ToList()
            : null;
        return new BreakdownReport(measure, by, request.From.FirstDay, request.To.LastDay, main.Cells, main.Totals, main.Total, unlinked, quarters);
    }

    private static BreakdownTable Table(BreakdownCounts counts)
    {
        var names = counts.By.Select(BreakdownRequest.Name).ToList();
        if (counts.IsEmpty)
        {
            return new BreakdownTable([], names.ToDictionary(n => n, _ => (IReadOnlyList<IReadOnlyDictionary<string, object?>>)[]), SuppressedCount.Hidden);
        }

        var table = Suppression.Apply(counts.Counts);
        var cells = new List<IReadOnlyDictionary<string, object?>>();
        var (rows, columns) = names.Count == 1 ? ([string.Empty], counts.Values[0]) : (counts.Values[0], counts.Values[1]);
        for (var i = 0; i < rows.Count; i++)
        {
            for (var j = 0; j < columns.Count; j++)
            {
                cells.Add(names.Count == 1 ? Cell(table.Cells[i][j], (names[0], columns[j])) : Cell(table.Cells[i][j], (names[0], rows[i]), (names[1], columns[j])));
            }
        }

        var totals = new Dictionary<string, IReadOnlyList<IReadOnlyDictionary<string, object?>>>(StringComparer.Ordinal);
        if (names.Count == 1)
        {
            totals[names[0]] = cells;
        }
        else
        {
            totals[names[0]] = [.. rows.Select((v, i) => Cell(table.RowTotals[i], (names[0], v)))];
            totals[names[1]] = [.. columns.Select((v, j) => Cell(table.ColumnTotals[j], (names[1], v)))];
        }

        return new BreakdownTable(cells, totals, Count(table.Total));
    }

    private static Dictionary<string, object?> Cell(int? value, params (string Dimension, string Value)[] at)
    {
        var cell = at.ToDictionary(a => a.Dimension, a => (object?)a.Value, StringComparer.Ordinal);
        cell["value"] = value;
        cell["suppressed"] = value is null;
        return cell;
    }

    private static SuppressedCount Count(int? value) => value is { } v ? new SuppressedCount(v, false) : SuppressedCount.Hidden;
}
