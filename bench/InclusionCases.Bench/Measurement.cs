namespace InclusionCases.Bench;

/// <summary>Latency percentiles and throughput of one operation at one concurrency.</summary>
internal sealed record Measurement(string Operation, int Concurrency, int Count, double P50, double P95, double P99, double PerSecond)
{
    /// <summary>Cores kept busy on average while it ran: the bench process (client and host) and Azurite.</summary>
    public (double Bench, double Azurite)? Cores { get; init; }

    /// <summary>Measures, and accounts for the CPU the bench process and Azurite used meanwhile.</summary>
    public static async Task<Measurement> RunAsync(string operation, int concurrency, int count, Func<int, Task> op, Func<TimeSpan> azuriteCpu)
    {
        ArgumentNullException.ThrowIfNull(azuriteCpu);
        var self = System.Diagnostics.Process.GetCurrentProcess();
        var (bench, azurite) = (self.TotalProcessorTime, azuriteCpu());
        var wall = System.Diagnostics.Stopwatch.GetTimestamp();
        var measured = await RunAsync(operation, concurrency, count, op);
        var seconds = System.Diagnostics.Stopwatch.GetElapsedTime(wall).TotalSeconds;
        self.Refresh();
        return measured with { Cores = ((self.TotalProcessorTime - bench).TotalSeconds / seconds, (azuriteCpu() - azurite).TotalSeconds / seconds) };
    }

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
