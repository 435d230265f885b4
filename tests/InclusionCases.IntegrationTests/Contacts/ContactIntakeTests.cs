using System.Net;
using Azure.Storage.Queues;
using InclusionCases.IntegrationTests.Cases;
using InclusionCases.IntegrationTests.Infrastructure;

namespace InclusionCases.IntegrationTests.Contacts;

/// <summary>
/// What changes between a batch's acceptance and its intake. A first host accepts the batch and runs no
/// triggers; the clock moves or the person is erased; then a second host on the same tables and queues
/// runs the intake. A contact that fails then is rejected in the batch status by its index, its
/// neighbours are stored, and nothing reaches the poison queue.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class ContactIntakeTests(AzuriteFixture azurite) : HostedTest(azurite)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private readonly ShiftableClock _clock = new();

    protected override Task<TestHost> StartHostAsync() => TestHost.StartAsync(Azurite.ConnectionString, clock: _clock, runTriggers: false);

    [Fact]
    public async Task ContactAgingPastTheLimitBeforeIntake_IsRejectedInTheStatus_NeighboursStored_NothingPoisoned()
    {
        // Inside the batch limit (a year less a day) by an hour: accepted, then two days pass.
        var old = WithObservedAt(ContactScenario.Contact(zone: "Aging"), DateTimeOffset.UtcNow - Domain.Contacts.StreetContactRules.BatchMaxAge + TimeSpan.FromHours(1));
        var contacts = new object[] { ContactScenario.Contact(zone: "Aging"), old, ContactScenario.Contact(zone: "Aging") };
        var sent = await Call(HttpMethod.Post, "contacts/batch", "karim", new { contacts });
        Assert.Equal(HttpStatusCode.Accepted, sent.Status);
        Assert.Equal(3, sent.Json.GetProperty("accepted").GetInt32());

        _clock.Offset = TimeSpan.FromDays(2);
        await using var intake = await TestHost.StartAsync(Azurite.ConnectionString, clock: _clock, prefix: Host.TablePrefix);

        var status = await Eventually.WaitForAsync(
            () => ApiCall.SendAsync(intake, HttpMethod.Get, $"contacts/batch/{sent.Field("batchId")}", "karim"), s => s.Field("status") == "completed", Deadline, "the batch to complete");
        Assert.Equal(2, status.Json.GetProperty("stored").GetInt32());
        var rejection = Assert.Single(status.Json.GetProperty("rejected").EnumerateArray());
        Assert.Equal(1, rejection.GetProperty("index").GetInt32());
        Assert.True(rejection.GetProperty("errors").TryGetProperty("observedAt", out _));
        var listed = await ApiCall.SendAsync(intake, HttpMethod.Get, "contacts?zone=Aging", "karim");
        Assert.Equal(2, listed.Json.GetProperty("items").GetArrayLength());
        Assert.Equal(0, (await ApiCall.SendAsync(intake, HttpMethod.Get, "admin/poison", "ops")).Json.GetProperty("items").GetArrayLength());
        Assert.Empty((await PoisonQueue().PeekMessagesAsync(32)).Value);
    }

    [Fact]
    public async Task PersonErasedBetweenAcceptanceAndIntake_IsRejectedInTheStatus_NeighboursStored()
    {
        var (caseId, personId, _) = await CaseScenario.OpenCaseAsync(Host);
        var contacts = new[] { ContactScenario.Contact(zone: "Erasing"), ContactScenario.Contact(personId: personId, zone: "Erasing", notes: "Words about them") };
        var sent = await Call(HttpMethod.Post, "contacts/batch", "karim", new { contacts });
        Assert.Equal(2, sent.Json.GetProperty("accepted").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await Call(HttpMethod.Post, $"persons/{personId}/erase", "dpo")).Status);

        await using var intake = await TestHost.StartAsync(Azurite.ConnectionString, clock: _clock, prefix: Host.TablePrefix);

        var status = await Eventually.WaitForAsync(
            () => ApiCall.SendAsync(intake, HttpMethod.Get, $"contacts/batch/{sent.Field("batchId")}", "karim"), s => s.Field("status") == "completed", Deadline, "the batch to complete");
        Assert.Equal(1, status.Json.GetProperty("stored").GetInt32());
        var rejection = Assert.Single(status.Json.GetProperty("rejected").EnumerateArray());
        Assert.Equal(1, rejection.GetProperty("index").GetInt32());
        Assert.Equal("""{"personId":["erased"]}""", rejection.GetProperty("errors").GetRawText());
        Assert.Equal(0, (await ApiCall.SendAsync(intake, HttpMethod.Get, $"cases/{caseId}/outreach", "sophie")).Json.GetProperty("items").GetArrayLength());
        Assert.Empty((await PoisonQueue().PeekMessagesAsync(32)).Value);
    }

    private static System.Text.Json.Nodes.JsonObject WithObservedAt(object contact, DateTimeOffset observedAt)
    {
        var json = System.Text.Json.JsonSerializer.SerializeToNode(contact)!.AsObject();
        json["observedAt"] = observedAt;
        return json;
    }

    private QueueClient PoisonQueue() =>
        new(Azurite.ConnectionString, Host.QueueName("ContactIntakeQueue") + "-poison", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
}
