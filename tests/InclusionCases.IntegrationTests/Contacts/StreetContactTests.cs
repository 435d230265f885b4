using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using InclusionCases.Functions.Storage;
using InclusionCases.IntegrationTests.Cases;
using InclusionCases.IntegrationTests.Infrastructure;
using InclusionCases.Tools.Demo;

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

        // Mediators never read case files: refused by role before the case is looked at.
        Assert.Equal(HttpStatusCode.Forbidden, (await Call(HttpMethod.Get, $"cases/{caseId}", "karim")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Call(HttpMethod.Get, $"cases/{caseId}/outreach", "karim")).Status);
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
        // v2: a chunk broken in its contact list only; its envelope (who, which batch) is what a replay must keep.
        await queue.SendMessageAsync("{\"batchId\": \"manual\", \"organisationId\": \"ixelles-commune\", \"mediatorId\": \"" + KarimId + "\", \"chunk\": 0, \"contacts\": \"not a list\"}");

        var listed = await Eventually.WaitForAsync(
            () => Call(HttpMethod.Get, "admin/poison", "ops"),
            r => r.Json.GetProperty("items").GetArrayLength() > 0,
            Deadline,
            "the malformed message in the poison list");
        var item = listed.Json.GetProperty("items")[0];
        Assert.Equal(queueName, item.GetProperty("queue").GetString());
        Assert.DoesNotContain("ixelles-commune", item.GetProperty("preview").GetString(), StringComparison.Ordinal);

        var contactId = Guid.NewGuid().ToString();
        var repaired = Chunk("manual", "ixelles-commune", KarimId, (0, ContactScenario.Contact(id: contactId, zone: "Gare du Midi")));
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

    [Theory]
    [InlineData("organisationId")]
    [InlineData("mediatorId")]
    [InlineData("batchId")]
    public async Task ReplayReplacement_ChangingWhoOrWhichBatch_Is400_AndTheMessageStaysPoisoned(string field)
    {
        var queueName = Host.QueueName("ContactIntakeQueue");
        var poison = new QueueClient(Azurite.ConnectionString, queueName + "-poison", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var original = Chunk("batch-1", "ixelles-commune", KarimId, (0, ContactScenario.Contact(zone: "Original")));
        original["contacts"] = "broken";
        var messageId = (await poison.SendMessageAsync(original.ToJsonString())).Value.MessageId;
        var contactId = Guid.NewGuid().ToString();
        var replacement = Chunk(
            field == "batchId" ? "batch-2" : "batch-1",
            field == "organisationId" ? "jette-cpas" : "ixelles-commune",
            field == "mediatorId" ? "8d1f6a52-0001-4c3e-9a6e-5f1b2c3d4e01" : KarimId,
            (0, ContactScenario.Contact(id: contactId, zone: "Injected")));

        var replay = await Call(HttpMethod.Post, $"admin/poison/{queueName}/replay", "ops", new { messageId, replacement });

        var problem = ProblemAssertions.AssertProblem(replay, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("replacement." + field, out _), replay.Body);
        var left = Assert.Single((await poison.PeekMessagesAsync(32)).Value);
        Assert.Equal(messageId, left.MessageId);
        Assert.Equal(0, (await Call(HttpMethod.Get, "contacts?zone=Injected", "karim")).Json.GetProperty("items").GetArrayLength());
        Assert.Equal(0, await ContactIdRowsAsync(contactId));
    }

    [Fact]
    public async Task BatchOf500_OneUnknownNeed_Accepts499_RejectsThatIndex()
    {
        var contacts = Enumerable.Range(0, 500).Select(i => (object)ContactScenario.Contact(zone: "Five hundred", notes: $"Contact {i}")).ToArray();
        var faulty = JsonSerializer.SerializeToNode(contacts[123])!.AsObject();
        faulty["needs"] = new JsonArray("food", "teleportation");
        contacts[123] = faulty;

        var sent = await Call(HttpMethod.Post, "contacts/batch", "karim", new { contacts });

        Assert.Equal(HttpStatusCode.Accepted, sent.Status);
        Assert.Equal(499, sent.Json.GetProperty("accepted").GetInt32());
        var rejection = Assert.Single(sent.Json.GetProperty("rejected").EnumerateArray());
        Assert.Equal(123, rejection.GetProperty("index").GetInt32());
        Assert.True(rejection.GetProperty("errors").TryGetProperty("needs", out _), sent.Body);
        var status = await Eventually.WaitForAsync(
            () => Call(HttpMethod.Get, $"contacts/batch/{sent.Field("batchId")}", "karim"), s => s.Field("status") == "completed", Deadline, "the batch to complete");
        Assert.Equal(499, status.Json.GetProperty("stored").GetInt32());
        Assert.Equal(0, status.Json.GetProperty("rejected").GetArrayLength());
        Assert.Equal(499, await StoredContactsAsync("ixelles-commune"));
    }

    [Fact]
    public async Task BatchItemFaultsOfEveryKind_RejectTheirIndexOnly()
    {
        JsonObject Faulty(Action<JsonObject> change)
        {
            var contact = JsonSerializer.SerializeToNode(ContactScenario.Contact(zone: "Faults"))!.AsObject();
            change(contact);
            return contact;
        }

        var contacts = new object[]
        {
            ContactScenario.Contact(zone: "Faults"),
            Faulty(c => c["servicesOffered"] = new JsonArray("shelter", "jetpack")),      // unknown enum value
            Faulty(c => c["beddedDown"] = "yes"),                                         // wrong type
            Faulty(c => c["location"] = new JsonObject { ["lat"] = "50.8", ["lon"] = 4.3 }), // number as a string
            Faulty(c => c["colour"] = "red"),                                             // unknown field
            Faulty(c => c.Remove("zone")),                                                // missing field
            Faulty(c => c["location"] = new JsonObject { ["lat"] = 95.0, ["lon"] = 4.3 }), // out of range
            Faulty(c => c["observedAt"] = "2026-11-25T22:40:00"),                         // time without offset
            JsonValue.Create(42)!,                                                         // not an object
            ContactScenario.Contact(zone: "Faults"),
        };

        var sent = await Call(HttpMethod.Post, "contacts/batch", "karim", new { contacts });

        Assert.Equal(HttpStatusCode.Accepted, sent.Status);
        Assert.Equal(2, sent.Json.GetProperty("accepted").GetInt32());
        var rejected = sent.Json.GetProperty("rejected").EnumerateArray().ToDictionary(r => r.GetProperty("index").GetInt32(), r => r.GetProperty("errors"));
        var expected = new Dictionary<int, string> { [1] = "servicesOffered", [2] = "beddedDown", [3] = "location.lat", [4] = "colour", [5] = "zone", [6] = "location", [7] = "observedAt", [8] = "$" };
        Assert.Equal(expected.Keys.Order(), rejected.Keys.Order());
        foreach (var (index, field) in expected)
        {
            Assert.True(rejected[index].TryGetProperty(field, out _), $"index {index}: {rejected[index].GetRawText()}");
        }

        await Eventually.WaitForAsync(
            () => Call(HttpMethod.Get, $"contacts/batch/{sent.Field("batchId")}", "karim"), s => s.Field("status") == "completed", Deadline, "the batch to complete");
        Assert.Equal(2, (await Call(HttpMethod.Get, "contacts?zone=Faults", "karim")).Json.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("{\"contacts\": null}")]
    [InlineData("{\"contacts\": 5}")]
    [InlineData("{\"contacts\": []}")]
    [InlineData("{\"items\": []}")]
    public async Task BatchBody_NotAListOfContacts_Is400(string body)
    {
        var sent = await Call(HttpMethod.Post, "contacts/batch", "karim", body);

        ProblemAssertions.AssertProblem(sent, HttpStatusCode.BadRequest);
        Assert.Equal(0, await StoredContactsAsync("ixelles-commune"));
    }

    [Fact]
    public async Task BatchOf501_Is400()
    {
        var sent = await Call(HttpMethod.Post, "contacts/batch", "karim", new { contacts = Enumerable.Range(0, 501).Select(_ => ContactScenario.Contact()).ToArray() });

        var problem = ProblemAssertions.AssertProblem(sent, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("contacts", out _));
    }

    [Fact]
    public async Task ContactNamingAnErasedPerson_Is410_AndRejectedByIndexInABatch()
    {
        var (caseId, personId, _) = await CaseScenario.OpenCaseAsync(Host);
        Assert.Equal(HttpStatusCode.OK, (await Call(HttpMethod.Post, $"persons/{personId}/erase", "dpo")).Status);

        var single = await Call(HttpMethod.Post, "contacts", "karim", ContactScenario.Contact(personId: personId, zone: "After erasure"));
        var problem = ProblemAssertions.AssertProblem(single, (HttpStatusCode)410);
        Assert.Equal(InclusionCases.Functions.Http.ProblemTypes.Erased.Uri, problem.GetProperty("type").GetString());

        var batch = await Call(HttpMethod.Post, "contacts/batch", "karim", new { contacts = new[] { ContactScenario.Contact(zone: "After erasure"), ContactScenario.Contact(personId: personId, zone: "After erasure") } });
        Assert.Equal(HttpStatusCode.Accepted, batch.Status);
        Assert.Equal(1, batch.Json.GetProperty("accepted").GetInt32());
        var rejection = Assert.Single(batch.Json.GetProperty("rejected").EnumerateArray());
        Assert.Equal(1, rejection.GetProperty("index").GetInt32());
        Assert.Equal("""{"personId":["erased"]}""", rejection.GetProperty("errors").GetRawText());
        await Eventually.WaitForAsync(
            () => Call(HttpMethod.Get, $"contacts/batch/{batch.Field("batchId")}", "karim"), s => s.Field("status") == "completed", Deadline, "the batch to complete");
        Assert.Equal(1, (await Call(HttpMethod.Get, "contacts?zone=After%20erasure", "karim")).Json.GetProperty("items").GetArrayLength());
        Assert.Equal(0, (await Call(HttpMethod.Get, $"cases/{caseId}/outreach", "sophie")).Json.GetProperty("items").GetArrayLength());
    }

    private static readonly string KarimId = DemoDirectory.Find("karim")!.ObjectId;

    /// <summary>A contact-intake chunk as an operator would write it: the envelope and indexed contacts.</summary>
    private static JsonObject Chunk(string batchId, string organisationId, string mediatorId, params (int Index, object Contact)[] contacts)
    {
        var items = new JsonArray();
        foreach (var (index, contact) in contacts)
        {
            var item = JsonSerializer.SerializeToNode(contact)!.AsObject();
            item["index"] = index;
            items.Add(item);
        }

        return new JsonObject { ["batchId"] = batchId, ["organisationId"] = organisationId, ["mediatorId"] = mediatorId, ["chunk"] = 0, ["contacts"] = items };
    }

    // Test-side point read of the system-wide id row.
    private async Task<int> ContactIdRowsAsync(string contactId)
    {
        var row = await new TableClient(Azurite.ConnectionString, Host.TablePrefix + TableNames.ContactIds).GetEntityIfExistsAsync<TableEntity>(contactId, "id");
        return row.HasValue ? 1 : 0;
    }

    // Test-side partition read: how many contacts the organisation has (one list row per contact).
    private async Task<int> StoredContactsAsync(string organisationId)
    {
        var table = new TableClient(Azurite.ConnectionString, Host.TablePrefix + TableNames.Contacts);
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {organisationId} and RowKey ge {"t|"} and RowKey lt {"t}"}"), select: ["RowKey"]))
        {
            count++;
        }

        return count;
    }
}
