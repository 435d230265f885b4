using System.Text.Json;
using InclusionCases.Domain.Webhooks;
using InclusionCases.Functions.Webhooks;

namespace InclusionCases.UnitTests.Webhooks;

/// <summary>The webhook body: a CloudEvents 1.0 structured event whose data holds the event's ids and nothing else.</summary>
public sealed class WebhookBodyTests
{
    [Fact]
    public void Of_IsAStructuredCloudEvent_WithTheIdsOnly()
    {
        var at = new DateTimeOffset(2026, 11, 26, 9, 30, 0, TimeSpan.Zero);
        var notice = new WebhookEvent("e1", WebhookEventTypes.TaskDue, "habitat-asbl", "pabcdefghijklmnop", "pabcdefghijklmnop-cabcdefghij", at, TaskId: "pabcdefghijklmnop-tabcdefghij");

        var (body, contentType) = WebhookBody.Of(notice);

        Assert.StartsWith("application/cloudevents+json", contentType, StringComparison.Ordinal);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal(
            ["data", "datacontenttype", "id", "source", "specversion", "time", "type"],
            json.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(("1.0", "e1", "task.due", "urn:inclusioncases"), (json.GetProperty("specversion").GetString(), json.GetProperty("id").GetString(), json.GetProperty("type").GetString(), json.GetProperty("source").GetString()));
        Assert.Equal(at, json.GetProperty("time").GetDateTimeOffset());
        Assert.Equal(
            [("caseId", "pabcdefghijklmnop-cabcdefghij"), ("taskId", "pabcdefghijklmnop-tabcdefghij")],
            json.GetProperty("data").EnumerateObject().Select(p => (p.Name, p.Value.GetString()!)));
        Assert.DoesNotContain("habitat-asbl", body, StringComparison.Ordinal);
    }

    [Fact]
    public void ASubscriptionMayNameEveryEventType_AndNoMore() =>
        Assert.Equal(InclusionCases.Functions.Webhooks.Contracts.CreateSubscriptionRequest.MaxEvents, WebhookEventTypes.All.Count);
}
