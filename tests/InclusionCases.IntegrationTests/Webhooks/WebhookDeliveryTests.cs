using System.Net;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using InclusionCases.Domain.Webhooks;
using InclusionCases.Functions.Audit;
using InclusionCases.Functions.Cases;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Storage;
using InclusionCases.Functions.Webhooks;
using InclusionCases.Functions.Webhooks.UseCases;
using InclusionCases.IntegrationTests.Cases;
using InclusionCases.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionCases.IntegrationTests.Webhooks;

/// <summary>
/// Webhooks end to end, to a receiver on loopback: the event leaves through the outbox, the queue and a
/// signed POST; a failed attempt is tried again with the same <c>webhook-id</c>; a consent revoked before
/// the event is sent stops it; a 410 disables the subscription; a redelivery sends it again. The body
/// carries ids only: never the person's name.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class WebhookDeliveryTests(AzuriteFixture azurite) : HostedTest(azurite)
{
    private const string PersonName = "Jean Dupont";

    [Fact]
    public async Task AReceiverThatFailsOnce_GetsTheEventTwice_WithTheSameId_Signed_AndNoName()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var answers = new Queue<int>([500]);
        receiver.Answer = _ => answers.TryDequeue(out var status) ? status : 200;
        var (subscriptionId, secret) = await SubscribeAsync(receiver, [WebhookEventTypes.ReferralReceived]);

        var (caseId, personId, _) = await CaseScenario.OpenCaseAsync(Host, displayName: PersonName);
        await CaseScenario.RecordConsentAsync(Host, personId, ["habitat-asbl"]);
        var referralId = await CaseScenario.ReferAsync(Host, caseId, "habitat-asbl");

        var received = await receiver.WaitForAsync(2, what: "two attempts of referral.received");
        Assert.Equal(2, received.Count);
        Assert.Equal(received[0].Id, received[1].Id);
        Assert.Equal(received[0].Body, received[1].Body);
        foreach (var webhook in received)
        {
            Assert.True(WebhookSignature.Verify(secret, webhook.Id, webhook.Timestamp, webhook.Signature, webhook.Body, DateTimeOffset.UtcNow), webhook.Signature);
            Assert.StartsWith("application/cloudevents+json", webhook.ContentType, StringComparison.Ordinal);
            Assert.DoesNotContain("Jean", webhook.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("Dupont", webhook.Body, StringComparison.Ordinal);
        }

        var cloudEvent = received[1];
        Assert.Equal("1.0", cloudEvent.Event.GetProperty("specversion").GetString());
        Assert.Equal(cloudEvent.Id, cloudEvent.Event.GetProperty("id").GetString());
        Assert.Equal(WebhookEventTypes.ReferralReceived, cloudEvent.Type);
        Assert.Equal("urn:inclusioncases", cloudEvent.Event.GetProperty("source").GetString());
        Assert.Equal((caseId, referralId), (cloudEvent.Data("caseId"), cloudEvent.Data("referralId")));
        Assert.Equal(["caseId", "referralId"], cloudEvent.Event.GetProperty("data").EnumerateObject().Select(p => p.Name).Order());
        // A tampered body no longer verifies.
        Assert.False(WebhookSignature.Verify(secret, cloudEvent.Id, cloudEvent.Timestamp, cloudEvent.Signature, cloudEvent.Body.Replace(referralId, caseId, StringComparison.Ordinal), DateTimeOffset.UtcNow));

        var delivery = await DeliveryAsync(subscriptionId, cloudEvent.Id, d => d.GetProperty("status").GetString() == "delivered");
        Assert.Equal((2, 200, WebhookEventTypes.ReferralReceived), (delivery.GetProperty("attempts").GetInt32(), delivery.GetProperty("lastStatusCode").GetInt32(), delivery.GetProperty("type").GetString()));

        // Each attempt is in the audit log: the receiving organisation, the event id, the outcome.
        var audited = await SystemAuditAsync(cloudEvent.Id);
        Assert.Equal([AuditAction.DeliveryDelivered.Name, AuditAction.DeliveryRetry.Name], audited.Select(e => e.GetString("Action")).Order());
        Assert.All(audited, e => Assert.Equal("habitat-asbl", e.GetString("OrganisationId")));

        // Redelivery on demand: the same event, the same id, once more.
        var redelivered = await Call(HttpMethod.Post, $"subscriptions/{subscriptionId}/deliveries/{cloudEvent.Id}/redeliver", "habitat-app");
        Assert.Equal(HttpStatusCode.Accepted, redelivered.Status);
        Assert.Equal("pending", redelivered.Field("status"));
        // While it waits, it is not queued twice.
        ProblemAssertions.AssertProblem(await Call(HttpMethod.Post, $"subscriptions/{subscriptionId}/deliveries/{cloudEvent.Id}/redeliver", "habitat-app"), HttpStatusCode.Conflict);
        var again = await receiver.WaitForAsync(3, what: "the redelivery");
        Assert.Equal(cloudEvent.Id, again[2].Id);
        await DeliveryAsync(subscriptionId, cloudEvent.Id, d => d.GetProperty("status").GetString() == "delivered" && d.GetProperty("attempts").GetInt32() == 3);
    }

    [Fact]
    public async Task AConsentRevokedBeforeTheEventIsSent_WithholdsIt_AndThePartnerIsToldOnlyThatItsPartEnded()
    {
        await using var host = await TestHost.StartAsync(Azurite.ConnectionString, runTriggers: false);
        await using var receiver = await WebhookReceiver.StartAsync();
        var (subscriptionId, secret) = await SubscribeAsync(receiver, [WebhookEventTypes.ReferralReceived, WebhookEventTypes.CaseParticipationEnded], host);

        // The referral is made and the consent revoked before anything is sent: both changes are committed, nothing projected yet.
        var (caseId, personId, _) = await CaseScenario.OpenCaseAsync(host, displayName: PersonName);
        var consentId = await CaseScenario.RecordConsentAsync(host, personId, ["habitat-asbl"]);
        var referralId = await CaseScenario.ReferAsync(host, caseId, "habitat-asbl");
        Assert.Equal(HttpStatusCode.NoContent, (await ApiCall.SendAsync(host, HttpMethod.Delete, $"persons/{personId}/consents/{consentId}", "sophie")).Status);

        await host.Services.GetRequiredService<CaseProjector>().ProjectAsync(personId, CancellationToken.None);
        Assert.Equal(2, await DeliverQueuedAsync(host));

        var received = Assert.Single(receiver.Received);
        Assert.Equal(WebhookEventTypes.CaseParticipationEnded, received.Type);
        Assert.Equal(caseId, received.Data("caseId"));
        Assert.True(WebhookSignature.Verify(secret, received.Id, received.Timestamp, received.Signature, received.Body, DateTimeOffset.UtcNow));
        Assert.DoesNotContain(referralId, received.Body, StringComparison.Ordinal);
        // The id it names fetches nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await ApiCall.SendAsync(host, HttpMethod.Get, $"cases/{caseId}", "habitat-app")).Status);

        // The log shows the partner only what it was told; the withheld event is the audit log's alone.
        var log = await ApiCall.SendAsync(host, HttpMethod.Get, $"subscriptions/{subscriptionId}/deliveries", "habitat-app");
        var shown = Assert.Single(log.Json.GetProperty("items").EnumerateArray());
        Assert.Equal((WebhookEventTypes.CaseParticipationEnded, "delivered"), (shown.GetProperty("type").GetString(), shown.GetProperty("status").GetString()));
        var withheld = await WithheldAsync(host);
        Assert.Equal(("habitat-asbl", "Denied"), (withheld.GetString("OrganisationId"), withheld.GetString("Outcome")));

        // Asking for it again is as for an event that never was.
        var withheldId = withheld.GetString("Resource")!.Split('/')[^1];
        ProblemAssertions.AssertProblem(await ApiCall.SendAsync(host, HttpMethod.Post, $"subscriptions/{subscriptionId}/deliveries/{withheldId}/redeliver", "habitat-app"), HttpStatusCode.NotFound);
        Assert.Equal(0, await DeliverQueuedAsync(host));
        Assert.Single(receiver.Received);
    }

    [Fact]
    public async Task AReceiverAnswering410_DisablesTheSubscription_AndNothingMoreIsSent()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = _ => 410;
        var (subscriptionId, _) = await SubscribeAsync(receiver, [WebhookEventTypes.ReferralReceived]);
        var (caseId, personId, _) = await CaseScenario.OpenCaseAsync(Host);
        await CaseScenario.RecordConsentAsync(Host, personId, ["habitat-asbl"]);
        await CaseScenario.ReferAsync(Host, caseId, "habitat-asbl");

        var first = Assert.Single(await receiver.WaitForAsync(1, what: "the first attempt"));
        await DeliveryAsync(subscriptionId, first.Id, d => d.GetProperty("status").GetString() == "failed" && d.GetProperty("lastStatusCode").GetInt32() == 410);
        var subscription = await Eventually.WaitForAsync(
            async () => (await Call(HttpMethod.Get, "subscriptions", "habitat-app")).Json.GetProperty("items").EnumerateArray().Single(s => s.GetProperty("id").GetString() == subscriptionId),
            s => s.GetProperty("status").GetString() == "disabled", TimeSpan.FromSeconds(30), "the subscription to be disabled");
        Assert.Equal(System.Text.Json.JsonValueKind.String, subscription.GetProperty("disabledAt").ValueKind);

        var redeliver = await Call(HttpMethod.Post, $"subscriptions/{subscriptionId}/deliveries/{first.Id}/redeliver", "habitat-app");
        ProblemAssertions.AssertProblem(redeliver, HttpStatusCode.Conflict);

        // A later event for the organisation is not even queued for a disabled subscription.
        var (otherCase, otherPerson, _) = await CaseScenario.OpenCaseAsync(Host);
        await CaseScenario.RecordConsentAsync(Host, otherPerson, ["habitat-asbl"]);
        await CaseScenario.ReferAsync(Host, otherCase, "habitat-asbl");
        await Host.WaitForProjectionAsync(otherPerson);
        Assert.Single(receiver.Received);
        Assert.Single((await Call(HttpMethod.Get, $"subscriptions/{subscriptionId}/deliveries", "habitat-app")).Json.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task AnAppWithAnotherSecretKey_FailsTheAttempt_AndDisablesNothing()
    {
        var prefix = TestHost.NewPrefix();
        await using var host = await TestHost.StartAsync(Azurite.ConnectionString, prefix: prefix, runTriggers: false);
        await using var receiver = await WebhookReceiver.StartAsync();
        var (subscriptionId, _) = await SubscribeAsync(receiver, [WebhookEventTypes.ReferralReceived], host);
        var (caseId, personId, _) = await CaseScenario.OpenCaseAsync(host);
        await CaseScenario.RecordConsentAsync(host, personId, ["habitat-asbl"]);
        await CaseScenario.ReferAsync(host, caseId, "habitat-asbl");
        await host.Services.GetRequiredService<CaseProjector>().ProjectAsync(personId, CancellationToken.None);

        // The same storage, read by an app configured with another key (a wrong Key Vault reference, a new key).
        await using var misconfigured = await TestHost.StartAsync(Azurite.ConnectionString, prefix: prefix, runTriggers: false, seed: false);
        var queue = new QueueClient(Azurite.ConnectionString, host.QueueName(QueueNames.WebhookDeliveriesSetting), new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var message = Assert.Single((await queue.ReceiveMessagesAsync(32)).Value);
        var deliver = misconfigured.Services.GetRequiredService<DeliverEvent>();
        await Assert.ThrowsAsync<InvalidOperationException>(() => deliver.ExecuteAsync(QueueMessages.Parse<DeliveryMessage>(message.MessageText), CancellationToken.None));

        Assert.Empty(receiver.Received);
        Assert.Equal("active", (await ApiCall.SendAsync(host, HttpMethod.Get, $"subscriptions/{subscriptionId}", "habitat-app")).Field("status"));
        var delivery = Assert.Single((await ApiCall.SendAsync(host, HttpMethod.Get, $"subscriptions/{subscriptionId}/deliveries", "habitat-app")).Json.GetProperty("items").EnumerateArray());
        Assert.Equal(("pending", 0), (delivery.GetProperty("status").GetString(), delivery.GetProperty("attempts").GetInt32()));

        // The app with the right key sends it.
        await host.Services.GetRequiredService<DeliverEvent>().ExecuteAsync(QueueMessages.Parse<DeliveryMessage>(message.MessageText), CancellationToken.None);
        Assert.Single(receiver.Received);
    }

    [Fact]
    public async Task TheDeliveryLog_KeepsAMonth_AndTheRetentionJobDeletesWhatIsOlder()
    {
        var clock = new ShiftableClock { Offset = TimeSpan.FromDays(-31) };
        await using var host = await TestHost.StartAsync(Azurite.ConnectionString, clock: clock);
        await using var receiver = await WebhookReceiver.StartAsync();
        var (subscriptionId, _) = await SubscribeAsync(receiver, [WebhookEventTypes.ReferralReceived], host);
        async Task<string> ReferredAsync()
        {
            var (caseId, personId, _) = await CaseScenario.OpenCaseAsync(host);
            await CaseScenario.RecordConsentAsync(host, personId, ["habitat-asbl"], expiresOn: DateTime.UtcNow.AddDays(300));
            await CaseScenario.ReferAsync(host, caseId, "habitat-asbl");
            return (await receiver.WaitForAsync(1, w => w.Data("caseId") == caseId, "the referral's event"))[0].Id;
        }

        var old = await ReferredAsync();
        clock.Offset = TimeSpan.Zero;
        var recent = await ReferredAsync();
        await Eventually.WaitForAsync(() => LogAsync(host, subscriptionId), ids => ids.Count == 2, TimeSpan.FromSeconds(30), "both deliveries logged as delivered");

        await host.Services.GetRequiredService<InclusionCases.Functions.Retention.RetentionJob>().RunAsync(CancellationToken.None);

        Assert.Equal([recent], await LogAsync(host, subscriptionId));
        Assert.NotEqual(old, recent);
    }

    private static async Task<IReadOnlyList<string>> LogAsync(TestHost host, string subscriptionId) =>
        [.. (await ApiCall.SendAsync(host, HttpMethod.Get, $"subscriptions/{subscriptionId}/deliveries", "habitat-app")).Json.GetProperty("items").EnumerateArray()
            .Where(d => d.GetProperty("status").GetString() == "delivered").Select(d => d.GetProperty("eventId").GetString()!)];

    private async Task<(string Id, string Secret)> SubscribeAsync(WebhookReceiver receiver, string[] events, TestHost? host = null)
    {
        var created = await ApiCall.SendAsync(host ?? Host, HttpMethod.Post, "subscriptions", "habitat-app", new { url = receiver.Url, events });
        Assert.True(created.Status == HttpStatusCode.Created, created.Body);
        Assert.StartsWith(WebhookSignature.SecretPrefix, created.Field("secret"), StringComparison.Ordinal);
        return (created.Field("id"), created.Field("secret"));
    }

    private async Task<System.Text.Json.JsonElement> DeliveryAsync(string subscriptionId, string eventId, Func<System.Text.Json.JsonElement, bool> done) =>
        await Eventually.WaitForAsync(
            async () => (await Call(HttpMethod.Get, $"subscriptions/{subscriptionId}/deliveries", "habitat-app")).Json.GetProperty("items").EnumerateArray().FirstOrDefault(d => d.GetProperty("eventId").GetString() == eventId),
            d => d.ValueKind == System.Text.Json.JsonValueKind.Object && done(d), TimeSpan.FromSeconds(60), $"delivery {eventId}");

    private async Task<IReadOnlyList<TableEntity>> SystemAuditAsync(string eventId)
    {
        var table = new TableClient(Azurite.ConnectionString, Host.TablePrefix + TableNames.Audit);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {AuditLog.ActorPartition("system")}");
        var entries = new List<TableEntity>();
        await foreach (var e in table.QueryAsync<TableEntity>(filter))
        {
            if (e.GetString("Resource")?.EndsWith("/deliveries/" + eventId, StringComparison.Ordinal) == true)
            {
                entries.Add(e);
            }
        }

        return entries;
    }

    private async Task<TableEntity> WithheldAsync(TestHost host)
    {
        var table = new TableClient(Azurite.ConnectionString, host.TablePrefix + TableNames.Audit);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {AuditLog.ActorPartition("system")} and Action eq {AuditAction.DeliveryWithheld.Name}");
        return await Eventually.WaitForAsync(async () => await table.QueryAsync<TableEntity>(filter).FirstOrDefaultAsync(), e => e is not null, TimeSpan.FromSeconds(10), "the withheld audit entry") ?? throw new InvalidOperationException();
    }

    // Runs the delivery attempts waiting on a host without triggers, as its queue trigger would; returns how many.
    private async Task<int> DeliverQueuedAsync(TestHost host)
    {
        var queue = new QueueClient(Azurite.ConnectionString, host.QueueName(QueueNames.WebhookDeliveriesSetting), new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var deliver = host.Services.GetRequiredService<DeliverEvent>();
        var handled = 0;
        foreach (var message in (await queue.ReceiveMessagesAsync(32)).Value)
        {
            await deliver.ExecuteAsync(QueueMessages.Parse<DeliveryMessage>(message.MessageText), CancellationToken.None);
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            handled++;
        }

        return handled;
    }
}
