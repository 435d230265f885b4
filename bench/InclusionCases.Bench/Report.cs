using System.Globalization;
using System.Text;

namespace InclusionCases.Bench;

/// <summary>The markdown report: the table, the round trips, and the targets met or missed.</summary>
internal static class Report
{
    public static string Machine() =>
        $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, Azurite in memory, loopback HTTP, {DateTime.UtcNow:yyyy-MM-dd}";

    public static string Render(List<Row> rows, List<Breakdown> breakdowns, IntakeStages stages, List<IntakeRates> intake, ListGrowth list, TestSupport.MatcherQuality matcher)
    {
        var s = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        s.AppendLine(c, $"Machine: {Machine()}").AppendLine();
        s.AppendLine(c, $"Person matcher on its labelled set ({matcher.Pairs} synthetic pairs, half one person, half two): precision {matcher.Precision:F3}, recall {matcher.Recall:F3} at threshold {matcher.Threshold:F2}; wrong: {(matcher.WrongByVariation.Count == 0 ? "none" : string.Join(", ", matcher.WrongByVariation.Select(w => $"{w.Key} {w.Value}")))}.").AppendLine();
        s.AppendLine("| operation | conc. | n | p50 ms | p95 ms | p99 ms | ops/s | raw baseline | raw p50 ms | ratio p50 | cores busy: bench / Azurite | note |");
        s.AppendLine("|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---|");
        foreach (var r in rows)
        {
            var m = r.Measured;
            s.AppendLine(c, $"| {m.Operation} | {m.Concurrency} | {m.Count} | {m.P50:F2} | {m.P95:F2} | {m.P99:F2} | {m.PerSecond:F0} | {r.Baseline?.Operation ?? ""} | {(r.Baseline is null ? "" : r.Baseline.P50.ToString("F2", c))} | {(r.Ratio is { } ratio ? ratio.ToString("F2", c) + "x" : "")} | {(m.Cores is { } cores ? $"{cores.Bench.ToString("F2", c)} / {cores.Azurite.ToString("F2", c)}" : "")} | {r.Note ?? ""} |");
        }

        s.AppendLine().AppendLine("Where the time goes (concurrency 1, medians; storage ms = time with at least one storage call in flight):").AppendLine();
        s.AppendLine("| operation | requests | storage calls | sequential | storage ms | request ms | outside storage ms |");
        s.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var b in breakdowns)
        {
            s.AppendLine(c, $"| {b.Operation} | {b.Requests} | {b.Calls} | {b.Sequential} | {b.StorageMs:F2} | {b.RequestMs:F2} | {b.OutsideStorageMs:F2} |");
        }

        s.AppendLine().AppendLine(c, $"A single 500-contact batch, by stage (median of {stages.Batches}, status polled every 5 ms): accepted after {stages.AcceptedMs:F0} ms, first chunk stored after {stages.FirstStoredMs:F0} ms, all chunks stored after {stages.CompletedMs:F0} ms.");

        Row Find(string operation, int concurrency) => rows.First(r => r.Measured.Operation == operation && r.Measured.Concurrency == concurrency);
        var create = breakdowns.First(b => b.Operation == "create case");
        s.AppendLine().AppendLine("Targets (reported, not asserted):");
        foreach (var concurrency in new[] { 1, 16 })
        {
            // The floor of any read audited beside it, served by this host on this storage: a point read and one
            // upsert (Azurite runs them one after the other), plus the host's own no-storage request.
            var point = Find("raw point read", concurrency).Measured.P50;
            var beside = Find("raw point read beside an upsert", concurrency).Measured.P50;
            var floor = (beside + Find("no-storage request (GET /me)", concurrency).Measured.P50) / point;
            var read = Find("read case", concurrency).Measured.P50;
            Target(s, $"read case p50 <= 1.5x raw point read, concurrency {concurrency}", read / point, 1.5,
                $"the floor here for any read with one audit write beside it is about {floor:F2}x: a raw point read beside one upsert is {beside / point:F2}x, plus the host's own floor; ours is {read / Find("raw replay of read's calls", concurrency).Measured.P50:F2}x the raw replay of its own four calls");
        }

        foreach (var concurrency in new[] { 1, 16 })
        {
            Target(s, $"create case p50 <= 1.5x raw replay of its writes, concurrency {concurrency}", Find("create case", concurrency).Ratio, 1.5,
                concurrency == 1 ? null : "the projections of the creates share Azurite with them; the replay's messages have no consumer");
        }

        s.AppendLine(c, $"- create case sequential storage round trips <= 2: {(create.Sequential <= 2 ? "met" : "missed")} ({create.Sequential})");
        var patch = breakdowns.First(b => b.Operation == "patch case with If-Match");
        s.AppendLine(c, $"- patch case <= 2 sequential storage round trips and <= 4 storage calls: {(patch.Sequential <= 2 && patch.Calls <= 4 ? "met" : "missed")} ({patch.Sequential} sequential, {patch.Calls} calls)");
        if (list.RawGrowth > 1.2)
        {
            // Azurite walks a partition to answer a range query, so no caller of it can be flat.
            s.AppendLine(c, $"- list flat from 1k to 50k cases (p50 growth <= 1.2x): not demonstrable on Azurite: the raw index query itself grew {list.RawGrowth:F2}x; ours grew {list.ApiGrowth:F2}x, at {list.Api1k.P50 / list.Raw1k.P50:F2}x the raw query at 1k and {list.Api50k.P50 / list.Raw50k.P50:F2}x at 50k");
        }
        else
        {
            Target(s, "list flat from 1k to 50k cases (p50 growth <= 1.2x)", list.ApiGrowth, 1.2);
        }

        foreach (var r in intake)
        {
            var share = r.Contacts / r.RawEntities;
            s.AppendLine(c, $"- contact intake >= 70% of raw batched-insert rate, concurrency {r.Concurrency}: {(share >= 0.7 ? "met" : "missed")} ({share:P0} in contacts/s; {2 * share:P0} in rows/s, each contact being two rows); the raw replay of a batch's own calls reaches {r.Replay / r.RawEntities:P0}, and ours is {r.Contacts / r.Replay:P0} of that replay");
        }

        return s.ToString();
    }

    private static void Target(StringBuilder s, string what, double? value, double limit, string? why = null) =>
        s.AppendLine(CultureInfo.InvariantCulture, $"- {what}: {(value <= limit ? "met" : "missed")} ({value:F2}x{(why is null ? "" : "; " + why)})");
}
