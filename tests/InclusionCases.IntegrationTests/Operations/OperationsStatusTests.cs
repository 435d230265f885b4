using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using Azure.Storage.Queues;
using InclusionCases.Functions.Cases;
using InclusionCases.Functions.Operations;
using InclusionCases.Functions.Pipeline;
using InclusionCases.Functions.Telemetry;
using InclusionCases.IntegrationTests.Cases;
using InclusionCases.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionCases.IntegrationTests.Operations;

/// <summary>
/// The operator status route and the gauges the alerts watch: each threshold (poison messages, an old
/// unprojected change, a timer overdue or failing) turns the status to degraded and names the problem;
/// the sampler records what the route reports; requests are counted by function and status class.
/// Triggers are off: the test runs the timers' work itself, at the moments it chooses.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class OperationsStatusTests(AzuriteFixture azurite) : HostedTest(azurite)
{
    private readonly ShiftableClock _clock = new();

    protected override Task<TestHost> StartHostAsync() => TestHost.StartAsync(
        Azurite.ConnectionString,
        settings: new Dictionary<string, string?> { ["RetentionSchedule"] = "0 30 3 * * *" },
        clock: _clock,
        runTriggers: false);

    [Fact]
    public async Task FreshDeployment_IsOk_ListsEveryQueueAndTimer()
    {
        var status = await StatusAsync();

        Assert.Equal("ok", status.GetProperty("status").GetString());
        Assert.Equal("ok", status.GetProperty("storage").GetString());
        Assert.Equal(
            new[] { Host.QueueName("CaseEventsQueue"), Host.QueueName("ContactIntakeQueue"), Host.QueueName("WebhookDeliveriesQueue"), Host.QueueName("MatchRequestsQueue") }.Order(),
            status.GetProperty("queues").EnumerateArray().Select(q => q.GetProperty("name").GetString()).Order());
        Assert.Equal(
            ["ApplyRetention", "ExpireReferrals", "RecheckTasks", "RollupReports", "SampleOperations", "SweepOutbox"],
            status.GetProperty("timers").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.All(status.GetProperty("timers").EnumerateArray(), t => Assert.False(t.GetProperty("overdue").GetBoolean()));
        Assert.Empty(status.GetProperty("problems").EnumerateArray());
    }

    [Fact]
    public async Task PoisonMessage_IsDegraded_AndTheSamplerRecordsItsQueue()
    {
        var intake = Host.QueueName("ContactIntakeQueue");
        var poison = new QueueClient(Azurite.ConnectionString, intake + "-poison");
        await poison.CreateIfNotExistsAsync();
        await poison.SendMessageAsync("eyJ4IjoxfQ==");
        using var measurements = new Measurements(MetricNames.QueuePoison, MetricNames.TimerRuns);

        var status = await StatusAsync();
        await ActivatorUtilities.CreateInstance<SampleOperationsFunction>(Host.Services).SampleOperations(null!, CancellationToken.None);

        Assert.Equal("degraded", status.GetProperty("status").GetString());
        Assert.Contains(status.GetProperty("problems").EnumerateArray(), p => p.GetString()!.Contains(intake, StringComparison.Ordinal));
        Assert.Contains(measurements.Of(MetricNames.QueuePoison), m => m.Value == 1 && m.Tags["queue"] == intake);
        Assert.Contains(measurements.Of(MetricNames.TimerRuns), m => m.Tags["timer"] == "SampleOperations" && m.Tags["outcome"] == "success");
        var sampler = (await StatusAsync()).GetProperty("timers").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "SampleOperations");
        Assert.Equal(JsonValueKind.String, sampler.GetProperty("lastSuccess").ValueKind);
    }

    [Fact]
    public async Task ChangeUnprojectedForElevenMinutes_IsDegraded()
    {
        await CaseScenario.OpenCaseAsync(Host);
        await Host.Services.GetRequiredService<OutboxSweeper>().SweepAsync(CancellationToken.None);
        Assert.Equal("ok", (await StatusAsync()).GetProperty("status").GetString());

        _clock.Offset = TimeSpan.FromMinutes(11);
        var status = await StatusAsync();

        Assert.Equal("degraded", status.GetProperty("status").GetString());
        Assert.True(status.GetProperty("outbox").GetProperty("rows").GetInt32() >= 1);
        Assert.True(status.GetProperty("outbox").GetProperty("oldestAgeSeconds").GetDouble() > 600);
        Assert.Contains(status.GetProperty("problems").EnumerateArray(), p => p.GetString()!.Contains("unprojected", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheSweeper_QueuesAStaleChangeAgain_ButNotWhileABacklogWillReachItAnyway()
    {
        await CaseScenario.OpenCaseAsync(Host);
        var queue = new QueueClient(Azurite.ConnectionString, Host.QueueName("CaseEventsQueue"));
        await queue.ClearMessagesAsync();
        var sweeper = Host.Services.GetRequiredService<OutboxSweeper>();
        _clock.Offset = TimeSpan.FromMinutes(1);

        // A minute old behind a backlog: most likely waiting its turn, not lost.
        await Task.WhenAll(Enumerable.Range(0, OutboxSweeper.Backlog).Select(_ => queue.SendMessageAsync("e30=")));
        Assert.Equal(0, await sweeper.SweepAsync(CancellationToken.None));

        // The same row with the queue empty: its message was lost, and it is queued again.
        await queue.ClearMessagesAsync();
        Assert.Equal(1, await sweeper.SweepAsync(CancellationToken.None));

        // Behind a backlog, but past the backlog grace: queued again all the same.
        await Task.WhenAll(Enumerable.Range(0, OutboxSweeper.Backlog).Select(_ => queue.SendMessageAsync("e30=")));
        _clock.Offset = OutboxSweeper.BacklogGrace + TimeSpan.FromMinutes(1);
        Assert.Equal(1, await sweeper.SweepAsync(CancellationToken.None));
    }

    [Fact]
    public async Task RetentionLastSucceeded27HoursAgo_IsOverdue_ARecentSuccessIsNot()
    {
        var heartbeats = Host.Services.GetRequiredService<Heartbeats>();
        await heartbeats.TimerSucceededAsync("ApplyRetention", _clock.GetUtcNow().AddHours(-27), CancellationToken.None);

        var overdue = Retention(await StatusAsync());
        await heartbeats.TimerSucceededAsync("ApplyRetention", _clock.GetUtcNow().AddHours(-1), CancellationToken.None);
        var recent = Retention(await StatusAsync());

        Assert.True(overdue.GetProperty("overdue").GetBoolean());
        Assert.False(recent.GetProperty("overdue").GetBoolean());

        static JsonElement Retention(JsonElement status) => status.GetProperty("timers").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "ApplyRetention");
    }

    [Fact]
    public async Task TimerRunFails_IsCountedAndReported_WithoutItsMessage()
    {
        using var measurements = new Measurements(MetricNames.TimerRuns);
        var background = Host.Services.GetRequiredService<BackgroundWork>();

        await Assert.ThrowsAsync<InvalidOperationException>(() => background.RunTimerAsync(_ => throw new InvalidOperationException("details of a record"), CancellationToken.None, "RollupReports"));
        var status = await StatusAsync();

        Assert.Equal("degraded", status.GetProperty("status").GetString());
        Assert.Contains(status.GetProperty("problems").EnumerateArray(), p => p.GetString() == "Timer RollupReports failed on its last run.");
        Assert.DoesNotContain("details of a record", status.GetRawText(), StringComparison.Ordinal);
        Assert.Contains(measurements.Of(MetricNames.TimerRuns), m => m.Tags["timer"] == "RollupReports" && m.Tags["outcome"] == "failure");
    }

    [Fact]
    public async Task Requests_AreCountedByFunctionAndStatusClass()
    {
        using var measurements = new Measurements(MetricNames.Requests);

        await Call(HttpMethod.Get, "admin/status", "ops");
        await Call(HttpMethod.Get, "admin/status", "sophie");

        Assert.Contains(measurements.Of(MetricNames.Requests), m => m.Tags["operation"] == "GetOperationsStatus" && m.Tags["outcome"] == "2xx");
        Assert.Contains(measurements.Of(MetricNames.Requests), m => m.Tags["operation"] == "GetOperationsStatus" && m.Tags["outcome"] == "4xx");
    }

    private async Task<JsonElement> StatusAsync()
    {
        var call = await Call(HttpMethod.Get, "admin/status", "ops");
        Assert.Equal(HttpStatusCode.OK, call.Status);
        return call.Json;
    }

    /// <summary>Listens to the app's meter for the named instruments while it lives.</summary>
    private sealed class Measurements : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly List<(string Instrument, double Value, Dictionary<string, string?> Tags)> _seen = [];

        public Measurements(params string[] instruments)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == MetricNames.Meter && instruments.Contains(instrument.Name))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Add(i, v, tags));
            _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Add(i, v, tags));
            _listener.Start();
        }

        public IReadOnlyList<(double Value, Dictionary<string, string?> Tags)> Of(string instrument)
        {
            lock (_seen)
            {
                return [.. _seen.Where(s => s.Instrument == instrument).Select(s => (s.Value, s.Tags))];
            }
        }

        public void Dispose() => _listener.Dispose();

        private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var copy = new Dictionary<string, string?>();
            foreach (var (key, tag) in tags)
            {
                copy[key] = tag?.ToString();
            }

            lock (_seen)
            {
                _seen.Add((instrument.Name, value, copy));
            }
        }
    }
}
