using System.Diagnostics;
using Azure.Core;
using Azure.Core.Pipeline;

namespace InclusionCases.Bench;

/// <summary>
/// An Azure.Core pipeline policy that records every storage round trip (start and end), so the bench can tell how many calls a request made, how many of them ran one
/// after another, and how much of the request's time was spent waiting on storage.
/// </summary>
internal sealed class StorageCallRecorder : HttpPipelinePolicy
{
    private readonly List<(long Start, long End)> _calls = [];

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        throw new NotSupportedException("The app calls storage asynchronously.");

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var start = Stopwatch.GetTimestamp();
        await ProcessNextAsync(message, pipeline);
        lock (_calls)
        {
            _calls.Add((start, Stopwatch.GetTimestamp()));
        }
    }

    public void Reset()
    {
        lock (_calls)
        {
            _calls.Clear();
        }
    }

    /// <summary>
    /// Calls since <see cref="Reset"/>, how many sequential steps they form
    /// (overlapping calls count as one step), and the time at least one of them was in flight.
    /// </summary>
    public StorageCalls Snapshot()
    {
        lock (_calls)
        {
            var steps = 0;
            long end = long.MinValue;
            long busy = 0;
            var work = _calls.OrderBy(c => c.Start).ToList();
            foreach (var (s, e) in work)
            {
                if (s >= end)
                {
                    steps++;
                    busy += e - s;
                }
                else if (e > end)
                {
                    busy += e - end;
                }

                end = Math.Max(end, e);
            }

            return new StorageCalls(work.Count, steps, busy * 1000.0 / Stopwatch.Frequency);
        }
    }
}

/// <summary>What <see cref="StorageCallRecorder"/> saw: calls, sequential steps, milliseconds with a call in flight.</summary>
internal sealed record StorageCalls(int Calls, int Sequential, double BusyMs);
