using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Pipeline;
using InclusionCases.IntegrationTests.Infrastructure;

namespace InclusionCases.IntegrationTests.Queues;

/// <summary>The local host runs queue triggers with the Functions host's semantics (host.json), against Azurite.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class QueueTriggerTests(AzuriteFixture azurite) : HostedTest(azurite)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly string _failing = "q" + Guid.NewGuid().ToString("N")[..12] + "-failing";
    private readonly string _recording = "q" + Guid.NewGuid().ToString("N")[..12] + "-recording";

    protected override async Task<TestHost> StartHostAsync()
    {
        // The host creates poison queues only when it first poisons a message; the tests peek before that.
        foreach (var name in new[] { _failing, _recording, _failing + "-poison", _recording + "-poison" })
        {
            await Queue(name).CreateIfNotExistsAsync();
        }

        return await TestHost.StartAsync(
            Azurite.ConnectionString,
            new Dictionary<string, string?> { ["ProbeFailingQueue"] = _failing, ["ProbeRecordingQueue"] = _recording },
            [typeof(HttpApi).Assembly, typeof(ProbeFunctions).Assembly]);
    }

    [Fact]
    public async Task FailingMessage_AfterFiveAttempts_IsMovedToPoisonQueueUnchanged()
    {
        var text = "poison-" + Guid.NewGuid();
        await Queue(_failing).SendMessageAsync(text);

        var poisoned = await Eventually.WaitForAsync(
            async () => (await Queue(_failing + "-poison").PeekMessagesAsync(32)).Value,
            messages => messages.Length > 0,
            Deadline,
            "the message in the poison queue");

        Assert.Equal(text, Assert.Single(poisoned).Body.ToString());
        Assert.Equal(5, ProbeFunctions.Attempts[text]);
        Assert.Empty((await Queue(_failing).PeekMessagesAsync(32)).Value);
    }

    [Fact]
    public async Task MessageThatIsNotBase64_GoesToPoisonQueueWithoutRunningTheFunction()
    {
        var text = "not base64 " + Guid.NewGuid();
        // A producer that forgot the Base64 encoding the trigger expects.
        await new QueueClient(Azurite.ConnectionString, _failing).SendMessageAsync(text);

        var poisoned = await Eventually.WaitForAsync(
            async () => (await Queue(_failing + "-poison").PeekMessagesAsync(32)).Value,
            messages => messages.Any(m => m.Body.ToString() == text),
            Deadline,
            "the undecodable message in the poison queue");

        Assert.NotEmpty(poisoned);
        Assert.False(ProbeFunctions.Attempts.ContainsKey(text));
    }

    [Fact]
    public async Task Batch_OfPocoMessages_IsProcessedOnceEachAndDeleted()
    {
        var run = Guid.NewGuid().ToString("N");
        var texts = Enumerable.Range(0, 40).Select(i => $"{run}-{i}").ToList();
        await Task.WhenAll(texts.Select(t => Queue(_recording).SendMessageAsync(JsonSerializer.Serialize(new ProbeMessage(t, FailFirst: false), ApiJson.Options))));

        await Eventually.WaitForAsync(
            () => Task.FromResult(texts.Count(ProbeFunctions.Attempts.ContainsKey)),
            seen => seen == texts.Count,
            Deadline,
            "every message to be processed");
        await Eventually.WaitForAsync(
            async () => (await Queue(_recording).GetPropertiesAsync()).Value.ApproximateMessagesCount,
            count => count == 0,
            Deadline,
            "the queue to be empty");

        Assert.All(texts, t => Assert.Equal(1, ProbeFunctions.Attempts[t]));
    }

    [Fact]
    public async Task FailedMessage_BecomesVisibleAgainAndIsRetried()
    {
        var text = "flaky-" + Guid.NewGuid();
        await Queue(_recording).SendMessageAsync(JsonSerializer.Serialize(new ProbeMessage(text, FailFirst: true), ApiJson.Options));

        var attempts = await Eventually.WaitForAsync(
            () => Task.FromResult(ProbeFunctions.Attempts.GetValueOrDefault(text)),
            n => n >= 2,
            Deadline,
            "the retry of the failed message");

        Assert.Equal(2, attempts);
        Assert.Empty((await Queue(_recording + "-poison").PeekMessagesAsync(32)).Value);
    }

    private QueueClient Queue(string name) =>
        new(Azurite.ConnectionString, name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
}
