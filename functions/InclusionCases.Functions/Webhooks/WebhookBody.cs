using System.Text;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;
using InclusionCases.Domain.Webhooks;

namespace InclusionCases.Functions.Webhooks;

/// <summary>
/// The body of a webhook: a CloudEvents 1.0 event in structured JSON mode. Its <c>id</c> is the event's
/// (also the <c>webhook-id</c>, the same on every attempt); its <c>data</c> holds the ids the event
/// names and nothing else, so a partner learns what to fetch, and fetches it through consent and the audit log.
/// </summary>
public static class WebhookBody
{
    /// <summary>The CloudEvents <c>source</c> of every event this API sends.</summary>
    public static readonly Uri Source = new("urn:inclusioncases");

    private static readonly JsonEventFormatter Formatter = new();

    /// <summary>The body and its content type (<c>application/cloudevents+json</c>).</summary>
    public static (string Body, string ContentType) Of(WebhookEvent notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var data = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["caseId"] = notice.CaseId };
        Add(data, "referralId", notice.ReferralId);
        Add(data, "consentId", notice.ConsentId);
        Add(data, "taskId", notice.TaskId);
        var cloudEvent = new CloudEvent(CloudEventsSpecVersion.V1_0)
        {
            Id = notice.Id,
            Type = notice.Type,
            Source = Source,
            Time = notice.OccurredAt,
            DataContentType = "application/json",
            Data = data,
        };
        var bytes = Formatter.EncodeStructuredModeMessage(cloudEvent, out var contentType);
        return (Encoding.UTF8.GetString(bytes.Span), contentType.ToString());
    }

    private static void Add(SortedDictionary<string, string> data, string name, string? id)
    {
        if (id is not null)
        {
            data[name] = id;
        }
    }
}
