using InclusionCases.Functions.Pipeline;
using InclusionCases.Functions.Webhooks.UseCases;
using Microsoft.Azure.Functions.Worker;

namespace InclusionCases.Functions.Webhooks;

/// <summary>The <c>webhook-deliveries</c> queue trigger: one delivery attempt per message.</summary>
public sealed class DeliverWebhooksFunction(BackgroundWork background, DeliverEvent deliver)
{
    [Function(nameof(DeliverWebhook))]
    public Task DeliverWebhook([QueueTrigger("%" + Storage.QueueNames.WebhookDeliveriesSetting + "%")] string body, CancellationToken cancellationToken)
    {
        var message = Http.QueueMessages.Parse<DeliveryMessage>(body);
        // A message that names no delivery is malformed: failing it sends it to the poison queue.
        if (!SubscriptionIds.IsValid(message.SubscriptionId) || !PersonFile.RecordIds.IsEventId(message.EventId) || string.IsNullOrEmpty(message.OrganisationId) || message.Attempt < 0)
        {
            throw new FormatException("A webhook-deliveries message must name a subscription, an event and an attempt.");
        }

        return background.RunMessageAsync(ct => deliver.ExecuteAsync(message, ct), cancellationToken);
    }
}
