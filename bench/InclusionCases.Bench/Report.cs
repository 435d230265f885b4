using System.Globalization;
using System.Text;

namespace InclusionCases.Bench;

/// <summary>The markdown report: the table, the round trips, and the targets met or missed.</summary>
internal static class Report
{
    public static string Machine() =>
        $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, Azurite in memory, loopback HTTP, {DateTime.UtcNow:yyyy-MM-dd}";

    public static string Render(List<Row> rows, Dictionary<string, (int Calls, int Sequential)> trips, double intakeShare, double listGrowth)
    {
        var s = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        s.AppendLine(c, $"Machine: {Machine()}").AppendLine();
        s.AppendLine("| operation | conc. | n | p50 ms | p95 ms | p99 ms | ops/s | raw baseline | raw p50 ms | ratio p50 | storage calls | sequential | note |");
        s.AppendLine("|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---|");
        foreach (var r in rows)
        {
            var m = r.Measured;
            var trip = trips.TryGetValue(m.Operation, out var t) && m.Concurrency == 1 ? t : ((int, int)?)null;
            s.AppendLine(c, $"| {m.Operation} | {m.Concurrency} | {m.Count} | {m.P50:F2} | {m.P95:F2} | {m.P99:F2} | {m.PerSecond:F0} | {r.Baseline?.Operation ?? ""} | {(r.Baseline is null ? "" : r.Baseline.P50.ToString("F2", c))} | {(r.Ratio is { } ratio ? ratio.ToString("F2", c) + "x" : "")} | {trip?.Item1.ToString(c) ?? ""} | {trip?.Item2.ToString(c) ?? ""} | {r.Note ?? ""} |");
        }

        double Ratio(string operation) => rows.First(r => r.Measured.Operation == operation && r.Measured.Concurrency == 1).Ratio ?? double.NaN;
        s.AppendLine().AppendLine("Targets (reported, not asserted):");
        Target(s, "read case p50 <= 1.5x raw point read", Ratio("read case"), 1.5);
        Target(s, "create case p50 <= 1.5x raw replay of its writes", Ratio("create case"), 1.5);
        s.AppendLine(c, $"- create case sequential storage round trips <= 2: {(trips["create case"].Sequential <= 2 ? "met" : "missed")} ({trips["create case"].Sequential})");
        Target(s, "list flat from 1k to 50k cases (p50 growth <= 1.2x)", listGrowth, 1.2);
        s.AppendLine(c, $"- contact intake >= 70% of raw batched-insert rate: {(intakeShare >= 0.7 ? "met" : "missed")} ({intakeShare:P0})");
        return s.ToString();
    }

    private static void Target(StringBuilder s, string what, double value, double limit) =>
        s.AppendLine(CultureInfo.InvariantCulture, $"- {what}: {(value <= limit ? "met" : "missed")} ({value:F2}x)");
}
