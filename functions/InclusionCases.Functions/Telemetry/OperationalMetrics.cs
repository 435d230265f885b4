using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace InclusionCases.Functions.Telemetry;

/// <summary>
/// The app's instruments on the <see cref="MetricNames.Meter"/> meter. Tags carry operation, queue and
/// timer names only, never an id or a value from a record.
/// </summary>
public sealed class OperationalMetrics
{
    private readonly Counter<long> _requests;
    private readonly Gauge<long> _queueDepth;
    private readonly Gauge<long> _queuePoison;
    private readonly Gauge<double> _outboxOldestAge;
    private readonly Histogram<double> _projectionLag;
    private readonly Counter<long> _timerRuns;
    private readonly Gauge<double> _timerSinceLastSuccess;

    public OperationalMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MetricNames.Meter);
        _requests = meter.CreateCounter<long>(MetricNames.Requests, "{request}", "Requests answered, by operation and status class.");
        _queueDepth = meter.CreateGauge<long>(MetricNames.QueueDepth, "{message}", "Messages waiting in a queue (approximate).");
        _queuePoison = meter.CreateGauge<long>(MetricNames.QueuePoison, "{message}", "Messages in a queue's poison queue.");
        _outboxOldestAge = meter.CreateGauge<double>(MetricNames.OutboxOldestAge, "s", "Age of the oldest committed change not yet projected.");
        _projectionLag = meter.CreateHistogram<double>(MetricNames.ProjectionLag, "s", "Time from a change's commit to its projection.");
        _timerRuns = meter.CreateCounter<long>(MetricNames.TimerRuns, "{run}", "Timer runs, by timer and outcome.");
        _timerSinceLastSuccess = meter.CreateGauge<double>(MetricNames.TimerSinceLastSuccess, "s", "Time since a timer last succeeded.");
    }

    public void RequestAnswered(string operation, int status) =>
        _requests.Add(1, new TagList { { MetricNames.OperationTag, operation }, { MetricNames.OutcomeTag, StatusClass(status) } });

    public void QueueSampled(string queue, long depth, long poison)
    {
        var tags = new TagList { { MetricNames.QueueTag, queue } };
        _queueDepth.Record(depth, tags);
        _queuePoison.Record(poison, tags);
    }

    public void OutboxSampled(TimeSpan oldestAge) => _outboxOldestAge.Record(Math.Max(0, oldestAge.TotalSeconds));

    public void Projected(TimeSpan lag) => _projectionLag.Record(Math.Max(0, lag.TotalSeconds));

    public void TimerRan(string timer, bool succeeded) =>
        _timerRuns.Add(1, new TagList { { MetricNames.TimerTag, timer }, { MetricNames.OutcomeTag, succeeded ? MetricNames.Success : MetricNames.Failure } });

    public void TimerSampled(string timer, TimeSpan sinceLastSuccess) =>
        _timerSinceLastSuccess.Record(Math.Max(0, sinceLastSuccess.TotalSeconds), new TagList { { MetricNames.TimerTag, timer } });

    private static string StatusClass(int status) => status switch
    {
        >= 500 => MetricNames.ServerError,
        >= 400 => "4xx",
        >= 300 => "3xx",
        _ => "2xx",
    };
}
