namespace InclusionCases.Bench;

/// <summary>Latency percentiles and throughput of one operation at one concurrency.</summary>
internal sealed record Measurement(string Operation, int Concurrency, int Count, double P50, double P95, double P99, double PerSecond)
{
    public static async Task<Measurement> RunAsync(string operation, int concurrency, int count, Func<int, Task> op)
    {
        var latencies = new double[count];
        var next = -1;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var t = System.Diagnostics.Stopwatch.GetTimestamp();
                await op(i);
                latencies[i] = System.Diagnostics.Stopwatch.GetElapsedTime(t).TotalMilliseconds;
            }
        })));
        var seconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
        Array.Sort(latencies);
        double Pct(double p) => latencies[Math.Min(count - 1, (int)Math.Ceiling(p * count) - 1)];
        return new Measurement(operation, concurrency, count, Pct(0.50), Pct(0.95), Pct(0.99), count / seconds);
    }
}
