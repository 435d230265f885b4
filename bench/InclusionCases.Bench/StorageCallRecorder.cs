using System.Diagnostics;
using Azure.Core;
using Azure.Core.Pipeline;

namespace InclusionCases.Bench;

/// <summary>
/// An Azure.Core pipeline policy that records every storage round trip (start and end), so the bench
/// can tell how many calls a request made and how many of them ran one after another.
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

    /// <summary>Calls since <see cref="Reset"/>, and how many sequential steps they form (overlapping calls count as one step).</summary>
    public (int Calls, int Sequential) Snapshot()
    {
        lock (_calls)
        {
            var steps = 0;
            long end = long.MinValue;
            foreach (var (s, e) in _calls.OrderBy(c => c.Start))
            {
                if (s >= end)
                {
                    steps++;
                }

                end = Math.Max(end, e);
            }

            return (_calls.Count, steps);
        }
    }
}
