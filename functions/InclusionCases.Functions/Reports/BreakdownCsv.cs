using System.Globalization;
using System.Text;
using InclusionCases.Functions.Reports.Contracts;

namespace InclusionCases.Functions.Reports;

/// <summary>
/// A breakdown as CSV for a spreadsheet: one line per published count, with the same suppression
/// (a suppressed count is an empty value and <c>true</c>). Columns: <c>table</c> (<c>cells</c>,
/// <c>totals</c>, <c>total</c>, then the same for <c>unlinked</c>), one per dimension, <c>value</c>,
/// <c>suppressed</c>. Text that a spreadsheet would run as a formula is quoted to stay text.
/// </summary>
public static class BreakdownCsv
{
    public const string MediaType = "text/csv";

    public static string Write(BreakdownReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder();
        Line(csv, ["table", .. report.By, "value", "suppressed"]);
        Table(csv, report.By, string.Empty, new BreakdownTable(report.Cells, report.Totals, report.Total));
        if (report.Unlinked is { } unlinked)
        {
            Table(csv, report.By, "unlinked ", unlinked);
        }

        return csv.ToString();
    }

    private static void Table(StringBuilder csv, IReadOnlyList<string> by, string prefix, BreakdownTable table)
    {
        foreach (var cell in table.Cells)
        {
            Row(csv, prefix + "cells", by, cell);
        }

        foreach (var (dimension, totals) in table.Totals.Where(_ => by.Count > 1))
        {
            foreach (var total in totals)
            {
                Row(csv, prefix + "totals", by, total.Where(p => p.Key == dimension || !by.Contains(p.Key)).ToDictionary());
            }
        }

        Line(csv, [prefix + "total", .. by.Select(_ => string.Empty), Value(table.Total.Value), Flag(table.Total.Suppressed)]);
    }

    private static void Row(StringBuilder csv, string name, IReadOnlyList<string> by, IReadOnlyDictionary<string, object?> cell) =>
        Line(csv, [name, .. by.Select(d => cell.GetValueOrDefault(d) as string ?? string.Empty), Value(cell["value"] is int v ? v : null), Flag(cell["suppressed"] is true)]);

    private static string Value(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Flag(bool suppressed) => suppressed ? "true" : "false";

    private static void Line(StringBuilder csv, IEnumerable<string> fields) => csv.Append(string.Join(',', fields.Select(Field))).Append("\r\n");

    // RFC 4180 quoting; a leading = + - @ (or tab, return) would be a formula in a spreadsheet: kept as text.
    private static string Field(string text)
    {
        var safe = text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
        return safe.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }
}
