namespace InclusionCases.Functions.Webhooks;

/// <summary>
/// The <c>webhook-deliveries</c> message: which delivery to attempt, and which attempt it is for. A
/// message whose attempt no longer matches the delivery (a duplicate, or one overtaken by a redelivery)
/// does nothing.
/// </summary>
public sealed record DeliveryMessage(string OrganisationId, string SubscriptionId, string EventId, int Attempt);
