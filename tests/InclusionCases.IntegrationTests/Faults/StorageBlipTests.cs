using System.Collections.Concurrent;
using System.Net;
using Azure.Storage.Queues;
using InclusionCases.IntegrationTests.Cases;
using InclusionCases.IntegrationTests.Contacts;
using InclusionCases.IntegrationTests.Infrastructure;
using InclusionCases.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InclusionCases.IntegrationTests.Faults;

/// <summary>
/// A 10-second table storage stop while the intake and the projector work: nothing is poisoned and
/// everything is stored afterwards. Tables and queues are two Azurite processes here, and only the
/// tables stop: the hard case, where messages keep being delivered while every write fails (with
/// host.json's old settings, no wait between attempts and no retry inside one, each message spent its
/// five attempts within seconds and went to the poison queue). The first host accepts the work with
/// its triggers off; the second runs the triggers and starts while the tables are down, so every
/// message meets the outage. It keeps host.json's own visibilityTimeout.
/// </summary>
[Trait("Category", "Fault")]
public sealed class StorageBlipTests : IAsyncLifetime
{
    private const int Batches = 4;
    private const int ContactsPerBatch = 25;
    private const int Cases = 5;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(10);

    private readonly string _tableLocation = Directory.CreateTempSubdirectory("inclusioncases-azurite-").FullName;
    private readonly (int Blob, int Queue, int Table) _tablePorts = AzuriteProcess.FreePorts();
    private AzuriteProcess _queues = null!;
    private AzuriteProcess _tables = null!;

    public async Task InitializeAsync()
    {
        _queues = await AzuriteProcess.StartAsync();
        _tables = await AzuriteProcess.StartAsync(_tableLocation, _tablePorts);
    }

    public async Task DisposeAsync()
    {
        await _tables.DisposeAsync();
        await _queues.DisposeAsync();
        Directory.Delete(_tableLocation, recursive: true);
    }

    [Fact]
    public async Task TablesStopForTenSecondsDuringIntake_NothingPoisoned_EverythingStored()
    {
        var storage = SplitConnectionString();
        await using var accepting = await TestHost.StartAsync(storage, runTriggers: false);
        var batchIds = new List<string>();
        for (var b = 0; b < Batches; b++)
        {
            var contacts = Enumerable.Range(0, ContactsPerBatch).Select(_ => ContactScenario.Contact(zone: "Blip")).ToArray();
            var sent = await ApiCall.SendAsync(accepting, HttpMethod.Post, "contacts/batch", "karim", new { contacts });
            Assert.Equal(HttpStatusCode.Accepted, sent.Status);
            batchIds.Add(sent.Field("batchId"));
        }

        var caseIds = new List<string>();
        for (var c = 0; c < Cases; c++)
        {
            caseIds.Add((await CaseScenario.OpenCaseAsync(accepting, displayName: $"Blip {c}")).CaseId);
        }

        await _tables.StopAsync();
        var logs = new ConcurrentQueue<string>();
        var settings = new Dictionary<string, string?> { ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = null };
        await using (var working = await TestHost.StartAsync(
            storage, settings, seed: false, prefix: accepting.TablePrefix, configureServices: s => s.AddSingleton<ILoggerProvider>(new CapturedLogs(logs))))
        {
            // Not a wait for a queue: the outage itself lasts this long.
            await Task.Delay(Outage);
            await _tables.DisposeAsync();
            _tables = await AzuriteProcess.StartAsync(_tableLocation, _tablePorts);

            foreach (var batchId in batchIds)
            {
                var status = await Eventually.WaitForAsync(
                    () => ApiCall.SendAsync(accepting, HttpMethod.Get, $"contacts/batch/{batchId}", "karim"), s => s.Status == HttpStatusCode.OK && s.Field("status") == "completed", TimeSpan.FromSeconds(120), "the batch to complete");
                Assert.Equal(ContactsPerBatch, status.Json.GetProperty("stored").GetInt32());
            }

            foreach (var caseId in caseIds)
            {
                await accepting.WaitForProjectionAsync(caseId.Split('-')[0]);
            }
        }

        Assert.Contains(logs, l => l.Contains("storage unavailable", StringComparison.Ordinal) && l.Contains("StoreContactChunk", StringComparison.Ordinal));
        foreach (var queue in new[] { "ContactIntakeQueue", "CaseEventsQueue" })
        {
            var poison = new QueueClient(_queues.ConnectionString, accepting.QueueName(queue) + "-poison");
            Assert.False(await poison.ExistsAsync() && (await poison.PeekMessagesAsync(1)).Value.Length > 0, $"{queue}: a message was poisoned");
        }

        var listed = 0;
        string? next = null;
        do
        {
            var page = await ApiCall.SendAsync(accepting, HttpMethod.Get, "contacts?zone=Blip&limit=200" + (next is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(next)), "karim");
            listed += page.Json.GetProperty("items").GetArrayLength();
            next = page.Json.TryGetProperty("next", out var token) && token.ValueKind == System.Text.Json.JsonValueKind.String ? token.GetString() : null;
        }
        while (next is not null);

        Assert.Equal(Batches * ContactsPerBatch, listed);
        var cases = await ApiCall.SendAsync(accepting, HttpMethod.Get, "cases?limit=200", "sophie");
        Assert.Equal(Cases, cases.Json.GetProperty("items").GetArrayLength());
    }

    // Queues (and blobs) from one Azurite, tables from the other, which the test stops.
    private string SplitConnectionString()
    {
        var table = _tables.ConnectionString.Split(';').Single(p => p.StartsWith("TableEndpoint=", StringComparison.Ordinal));
        return string.Join(';', _queues.ConnectionString.Split(';', StringSplitOptions.RemoveEmptyEntries).Where(p => !p.StartsWith("TableEndpoint=", StringComparison.Ordinal)).Append(table));
    }
}
