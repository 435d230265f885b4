namespace InclusionCases.Bench;

/// <summary>
/// Where one operation's time goes, at concurrency 1: medians over several requests of the storage
/// calls it makes, how many run one after another, the time with a storage call in flight, and the
/// whole request as the client saw it. The difference is the host's own work (HTTP, token, JSON).
/// </summary>
internal sealed record Breakdown(string Operation, int Requests, int Calls, int Sequential, double StorageMs, double RequestMs)
{
    public double OutsideStorageMs => Math.Max(0, RequestMs - StorageMs);

    public static async Task<Breakdown> RunAsync(string operation, int requests, StorageCallRecorder recorder, Func<int, Task> op)
    {
        var samples = new List<(StorageCalls Calls, double Ms)>();
        for (var i = 0; i < requests; i++)
        {
            recorder.Reset();
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await op(i);
            var ms = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            samples.Add((recorder.Snapshot(), ms));
        }

        static T Median<T>(IEnumerable<T> values) => values.Order().ElementAt(values.Count() / 2);
        return new Breakdown(
            operation,
            requests,
            Median(samples.Select(s => s.Calls.Calls)),
            Median(samples.Select(s => s.Calls.Sequential)),
            Median(samples.Select(s => s.Calls.BusyMs)),
            Median(samples.Select(s => s.Ms)));
    }
}
