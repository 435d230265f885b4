using System.Globalization;
using System.Text.Json;
using InclusionCases.Domain.Access;
using InclusionCases.Domain.Cases;
using InclusionCases.Domain.Identity;
using InclusionCases.Domain.Reports;
using InclusionCases.Domain.Time;
using InclusionCases.Functions.Audit;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Localization;
using InclusionCases.Functions.Storage;
using InclusionCases.Functions.Tasks;

namespace InclusionCases.Functions.Reports;

/// <summary>
/// <c>GET /api/reports/summary</c> for coordinators and auditors, from the monthly rollups only.
/// Periods are whole months. Each list and its total is suppressed by the one rule of every report
/// (<see cref="Suppression"/>): counts from 1 to 4 hidden, with another beside them so none can be
/// recovered from the total, and a list whose total is under 20 hidden whole.
/// </summary>
public sealed class ReportService(ReportCounters counters, TaskIndex tasks, AuditLog audit, TimeProvider clock)
{
    public async Task<SummaryReport> SummaryAsync(Caller caller, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await audit.RecordAttemptAsync(AuditAction.ReportRead, "reports/summary", null, cancellationToken);
        var end = to ?? clock.GetUtcNow();
        var start = from ?? end.AddMonths(-11);
        if (start > end)
        {
            throw ApiProblemException.Invalid("from", ApiText.MustBeBeforeTo);
        }

        var (fromMonth, toMonth) = (MonthKeys.Of(start), MonthKeys.Of(end));
        // Cases created before the period may move in during it: their rollups are read from the start.
        var (inPeriod, contactMonths) = await counters.ReadAsync(fromMonth, toMonth, cancellationToken);
        var caseMonths = await counters.ReadCasesUpToAsync(toMonth, cancellationToken);

        var cells = Sum(inPeriod.Select(m => m.Cells));
        var caseCounts = Suppress(cells.Select(c => (c.Key, c.Value)).ToList(), out var casesTotal);
        var zones = Suppress(Sum(contactMonths.Select(m => m.Zones)).Select(z => (z.Key, z.Value)).ToList(), out var contactsTotal);
        var needs = Suppress(Sum(contactMonths.Select(m => m.Needs)).Select(n => (n.Key, n.Value)).ToList(), out _);

        var overdue = await tasks.OverdueByKindAsync(PlausibleDates.Today(clock.GetUtcNow()), cancellationToken);
        var overdueByKind = Suppress([.. overdue.Select(o => (Name(o.Key.ToString()), o.Value))], out var overdueTotal);

        var cohorts = caseMonths.SelectMany(m => m.Housed).ToList();
        var housedInPeriod = cohorts.Where(c => string.CompareOrdinal(c.Key, fromMonth) >= 0 && string.CompareOrdinal(c.Key, toMonth) <= 0).ToList();
        return new SummaryReport(
            fromMonth,
            toMonth,
            [.. caseCounts.Select(c => new CaseCount(Name(c.Name.Split('|')[0]), Name(c.Name.Split('|')[1]), c.Count))],
            casesTotal,
            [.. zones.Select(z => new NamedCount(z.Name, z.Count))],
            [.. needs.Select(n => new NamedCount(n.Name, n.Count))],
            contactsTotal,
            RetentionAfter(cohorts, fromMonth, end.AddMonths(-6)),
            RetentionAfter(cohorts, fromMonth, end.AddMonths(-12)),
            Median(housedInPeriod.SelectMany(c => c.Value.Days)),
            [.. overdueByKind.Select(o => new NamedCount(o.Name, o.Count))],
            overdueTotal);
    }

    private static Retention RetentionAfter(List<KeyValuePair<string, HousedCohort>> cohorts, string fromMonth, DateTimeOffset movedInBy)
    {
        var cutoff = MonthKeys.Of(movedInBy);
        var eligible = cohorts.Where(c => string.CompareOrdinal(c.Key, fromMonth) >= 0 && string.CompareOrdinal(c.Key, cutoff) <= 0).Select(c => c.Value).ToList();
        var housed = eligible.Sum(c => c.Total);
        var still = eligible.Sum(c => c.StillHoused);
        // A share reveals small numbers too: hidden when the housed, the still housed or the lost are 1 to 4.
        var small = new[] { housed, still, housed - still }.Any(n => n is > 0 and < SuppressedCount.Threshold);
        var share = housed == 0 ? new SuppressedCount(null, false) : small ? SuppressedCount.Hidden : new SuppressedCount(Math.Round((double)still / housed, 3), false);
        return new Retention(SuppressedCount.Of(housed), share);
    }

    private static SuppressedCount Median(IEnumerable<KeyValuePair<int, int>> histogram)
    {
        var days = histogram.SelectMany(d => Enumerable.Repeat(d.Key, d.Value)).Order().ToList();
        if (days.Count == 0)
        {
            return new SuppressedCount(null, false);
        }

        if (days.Count < SuppressedCount.Threshold)
        {
            return SuppressedCount.Hidden;
        }

        var middle = days.Count / 2;
        return new SuppressedCount(days.Count % 2 == 1 ? days[middle] : (days[middle - 1] + days[middle]) / 2.0, false);
    }

    // One list and its total is a table of one row: suppressed by the one rule, whole when under 20.
    private static List<(string Name, SuppressedCount Count)> Suppress(List<(string Name, int Value)> counts, out SuppressedCount total)
    {
        var ordered = counts.OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        var table = Suppression.Apply([ordered.Count == 0 ? [0] : [.. ordered.Select(c => c.Value)]]);
        total = Shown(table.Total);
        return [.. ordered.Select((c, i) => (c.Name, Shown(table.Cells[0][i])))];
    }

    private static SuppressedCount Shown(int? value) => value is { } v ? new SuppressedCount(v, false) : SuppressedCount.Hidden;

    private static Dictionary<string, int> Sum(IEnumerable<Dictionary<string, int>> maps)
    {
        var sum = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, value) in maps.SelectMany(m => m))
        {
            sum[key] = sum.GetValueOrDefault(key) + value;
        }

        return sum;
    }

    private static string Name(string enumName) => JsonNamingPolicy.CamelCase.ConvertName(enumName);
}
