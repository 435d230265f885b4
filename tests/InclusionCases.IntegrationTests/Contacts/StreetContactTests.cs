using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using InclusionCases.Functions.Storage;
using InclusionCases.IntegrationTests.Cases;
using InclusionCases.IntegrationTests.Infrastructure;

namespace InclusionCases.IntegrationTests.Contacts;

/// <summary>Street contacts from mediators, through the API and the contact-intake queue, against Azurite.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class StreetContactTests(AzuriteFixture azurite) : HostedTest(azurite)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task BatchOf500_SentThreeTimes_LastTwoConcurrently_StoresEachContactOnce()
    {
        var contacts = Enumerable.Range(0, 500).Select(i => ContactScenario.Contact(zone: "Zone " + (i % 7), notes: $"Contact {i}")).ToArray();
        var batch = new { contacts };

        var first = await Call(HttpMethod.Post, "contacts/batch", "karim", batch);
        var again = await Task.WhenAll(Call(HttpMethod.Post, "contacts/batch", "karim", batch), Call(HttpMethod.Post, "contacts/batch", "karim", batch));

        foreach (var sent in again.Prepend(first))
        {
            Assert.Equal(HttpStatusCode.Accepted, sent.Status);
            Assert.Equal(500, sent.Json.GetProperty("accepted").GetInt32());
            var status = await Eventually.WaitForAsync(
                () => Call(HttpMethod.Get, $"contacts/batch/{sent.Field("batchId")}", "karim"),
                s => s.Field("status") == "completed",
                Deadline,
                "the batch to complete");
            Assert.Equal(500, status.Json.GetProperty("stored").GetInt32());
        }

        Assert.Equal(500, await StoredContactsAsync("ixelles-commune"));
    }

    [Fact]
    public async Task BatchWithThreeInvalidAmong50_Stores47_AndNamesIndexAndField()
    {
        var contacts = Enumerable.Range(0, 50).Select(_ => ContactScenario.Contact(zone: "Matonge")).ToArray<object>();
        contacts[4] = new { id = "not-a-uuid", observedAt = DateTimeOffset.UtcNow, zone = "Matonge", needs = Array.Empty<string>(), servicesOffered = Array.Empty<string>() };
        contacts[17] = ContactScenario.Contact(zone: "Matonge", lat: 123.4);
        contacts[33] = new { id = Guid.NewGuid(), observedAt = DateTimeOffset.UtcNow, zone = "", needs = new[] { "food" }, servicesOffered = Array.Empty<string>() };
        var before = await StoredContactsAsync("ixelles-commune");

        var sent = await Call(HttpMethod.Post, "contacts/batch", "karim", new { contacts });

        Assert.Equal(HttpStatusCode.Accepted, sent.Status);
        Assert.Equal(47, sent.Json.GetProperty("accepted").GetInt32());
        var rejected = sent.Json.GetProperty("rejected").EnumerateArray().ToDictionary(r => r.GetProperty("index").GetInt32(), r => r.GetProperty("errors"));
        Assert.Equal([4, 17, 33], rejected.Keys.Order());
        Assert.True(rejected[4].TryGetProperty("id", out _));
        Assert.True(rejected[17].TryGetProperty("location", out _));
        Assert.True(rejected[33].TryGetProperty("zone", out _));
        await Eventually.WaitForAsync(
            () => Call(HttpMethod.Get, $"contacts/batch/{sent.Field("batchId")}", "karim"), s => s.Field("status") == "completed", Deadline, "the batch to complete");
        Assert.Equal(before + 47, await StoredContactsAsync("ixelles-commune"));
    }

    [Fact]
    public async Task SingleContact_StoredOnce_ResentIs200_ConflictingIs409_LocationRounded()
    {
        var id = Guid.NewGuid().ToString();
        var contact = ContactScenario.Contact(id: id, lat: 50.8273419, lon: 4.3725187);

        var first = await Call(HttpMethod.Post, "contacts", "karim", contact);
        var resent = await Call(HttpMethod.Post, "contacts", "karim", contact);
        var conflicting = await Call(HttpMethod.Post, "contacts", "karim", ContactScenario.Contact(id: id, zone: "Porte de Namur"));

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(HttpStatusCode.OK, resent.Status);
        ProblemAssertions.AssertProblem(conflicting, HttpStatusCode.Conflict);
        Assert.Equal(50.827, first.Json.GetProperty("location").GetProperty("lat").GetDouble());
        Assert.Equal(4.373, first.Json.GetProperty("location").GetProperty("lon").GetDouble());
        var listed = await Call(HttpMethod.Get, "contacts?zone=Flagey", "karim");
        Assert.Single(listed.Json.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetString() == id);
        // The exact coordinates were never written anywhere: not in any table of this host.
        foreach (var table in TableNames.All)
        {
            await foreach (var row in new TableClient(Azurite.ConnectionString, Host.TablePrefix + table).QueryAsync<TableEntity>())
            {
                Assert.DoesNotContain("50.8273419", JsonSerializer.Serialize(row), StringComparison.Ordinal);
                Assert.DoesNotContain("4.3725187", JsonSerializer.Serialize(row), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task MediatorsContact_ShowsInOutreachOfTheCaseReaders_NeverOfOthers()
    {
        var (caseId, personId, _) = await CaseScenario.OpenCaseAsync(Host);
        var contact = await Call(HttpMethod.Post, "contacts", "karim", ContactScenario.Contact(personId: personId, notes: "Slept at Flagey again"));
        Assert.Equal(HttpStatusCode.Created, contact.Status);

        Assert.Equal(HttpStatusCode.NotFound, (await Call(HttpMethod.Get, $"cases/{caseId}", "karim")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Call(HttpMethod.Get, $"cases/{caseId}/outreach", "karim")).Status);
        var sophie = await Call(HttpMethod.Get, $"cases/{caseId}/outreach", "sophie");
        Assert.Equal(HttpStatusCode.OK, sophie.Status);
        Assert.Contains("Slept at Flagey again", sophie.Body, StringComparison.Ordinal);
        var thomas = await Call(HttpMethod.Get, $"cases/{caseId}/outreach", "thomas");
        Assert.Equal(HttpStatusCode.NotFound, thomas.Status);
        Assert.DoesNotContain("Flagey", thomas.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedIntakeMessage_LandsInPoison_IsListed_AndARepairedReplayIsStored()
    {
        var queueName = Host.QueueName("ContactIntakeQueue");
        var queue = new QueueClient(Azurite.ConnectionString, queueName, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await queue.SendMessageAsync("{\"batchId\": \"manual\", \"organisationId\": \"ixelles-commune\", \"contacts\": \"not a list\"}");

        var listed = await Eventually.WaitForAsync(
            () => Call(HttpMethod.Get, "admin/poison", "ops"),
            r => r.Json.GetProperty("items").GetArrayLength() > 0,
            Deadline,
            "the malformed message in the poison list");
        var item = listed.Json.GetProperty("items")[0];
        Assert.Equal(queueName, item.GetProperty("queue").GetString());
        Assert.DoesNotContain("ixelles-commune", item.GetProperty("preview").GetString(), StringComparison.Ordinal);

        var contactId = Guid.NewGuid().ToString();
        var repaired = new
        {
            batchId = "manual",
            organisationId = "ixelles-commune",
            mediatorId = "8d1f6a52-0004-4c3e-9a6e-5f1b2c3d4e04",
            chunk = 0,
            contacts = new[] { ContactScenario.Contact(id: contactId, zone: "Gare du Midi") },
        };
        var replay = await Call(HttpMethod.Post, $"admin/poison/{queueName}/replay", "ops", new { messageId = item.GetProperty("messageId").GetString(), replacement = repaired });
        Assert.Equal(HttpStatusCode.OK, replay.Status);
        Assert.Equal(1, replay.Json.GetProperty("replayed").GetInt32());

        await Eventually.WaitForAsync(
            () => Call(HttpMethod.Get, "contacts?zone=Gare%20du%20Midi", "karim"),
            r => r.Body.Contains(contactId, StringComparison.Ordinal),
            Deadline,
            "the repaired contact to be stored");
        Assert.Equal(0, (await Call(HttpMethod.Get, "admin/poison", "ops")).Json.GetProperty("items").GetArrayLength());
    }

    // Test-side partition read: how many contacts the organisation has (one guard row per contact id).
    private async Task<int> StoredContactsAsync(string organisationId)
    {
        var table = new TableClient(Azurite.ConnectionString, Host.TablePrefix + TableNames.Contacts);
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {organisationId} and RowKey ge {"c|"} and RowKey lt {"c}"}"), select: ["RowKey"]))
        {
            count++;
        }

        return count;
    }
}
