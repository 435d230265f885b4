using InclusionCases.Domain.Access;
using InclusionCases.Functions.Hosting;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Pipeline;
using InclusionCases.Functions.Webhooks.Contracts;
using InclusionCases.Functions.Webhooks.UseCases;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InclusionCases.Functions.Webhooks;

/// <summary>The webhook routes: thin adapters from HTTP to one use case each.</summary>
public sealed class SubscriptionFunctions(HttpApi api, CreateSubscription create, ListSubscriptions list, GetSubscription get, DeleteSubscription delete, ListDeliveries deliveries, RedeliverEvent redeliver)
{
    [Function(nameof(CreateSubscription))]
    [ApiDoc("Subscribe your organisation to events at an https URL on a public host (at most 5 per organisation). The answer holds the signing secret, shown this once; no Idempotency-Key, so a secret is never kept for a replay: list to check whether a retried creation landed.", Operation = ApiOperation.CreateSubscription, Success = 201, Location = true, Request = typeof(CreateSubscriptionRequest), Response = typeof(CreatedSubscriptionResponse))]
    public Task<IActionResult> CreateSubscription([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "subscriptions")] HttpRequest request) =>
        api.HandleAsync(request, async (caller, ct) =>
        {
            var (body, _) = await RequestBody.ReadAsync<CreateSubscriptionRequest>(request, ct);
            var created = await create.ExecuteAsync(caller, body, ct);
            return ApiResults.Created($"/api/subscriptions/{created.Id}", created);
        });

    [Function(nameof(ListSubscriptions))]
    [ApiDoc("Your organisation's subscriptions, oldest first, without their secrets.", Operation = ApiOperation.ListSubscriptions, Response = typeof(PageResponse<SubscriptionResponse>))]
    public Task<IActionResult> ListSubscriptions([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "subscriptions")] HttpRequest request) =>
        api.HandleAsync(request, async (caller, ct) => ApiResults.Ok(await list.ExecuteAsync(caller, ct)));

    [Function(nameof(GetSubscription))]
    [ApiDoc("One of your organisation's subscriptions, without its secret.", Operation = ApiOperation.ReadSubscription, Response = typeof(SubscriptionResponse))]
    public Task<IActionResult> GetSubscription([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "subscriptions/{subscriptionId}")] HttpRequest request, string subscriptionId) =>
        api.HandleAsync(request, async (caller, ct) => ApiResults.Ok(await get.ExecuteAsync(caller, subscriptionId, ct)));

    [Function(nameof(DeleteSubscription))]
    [ApiDoc("Delete one of your organisation's subscriptions; nothing more is sent to it.", Operation = ApiOperation.DeleteSubscription, Success = 204)]
    public Task<IActionResult> DeleteSubscription([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "subscriptions/{subscriptionId}")] HttpRequest request, string subscriptionId) =>
        api.HandleAsync(request, async (caller, ct) =>
        {
            await delete.ExecuteAsync(caller, subscriptionId, ct);
            return ApiResults.NoContent();
        });

    [Function(nameof(ListDeliveries))]
    [ApiDoc("A subscription's delivery log, newest event first: each event's id and type, attempts, status and the last status code your receiver answered.", Operation = ApiOperation.ListDeliveries, Query = ["limit", "cursor"], Response = typeof(PageResponse<DeliveryResponse>))]
    public Task<IActionResult> ListDeliveries([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "subscriptions/{subscriptionId}/deliveries")] HttpRequest request, string subscriptionId) =>
        api.HandleAsync(request, async (caller, ct) => ApiResults.Ok(await deliveries.ExecuteAsync(caller, subscriptionId, Paging.From(request), ct)));

    [Function(nameof(RedeliverEvent))]
    [ApiDoc("Send an event of the log again now, with a new 24-hour retry window; your organisation's right to know is checked again when it is sent. A disabled subscription is 409.", Operation = ApiOperation.Redeliver, Success = 202, Response = typeof(DeliveryResponse))]
    public Task<IActionResult> RedeliverEvent([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "subscriptions/{subscriptionId}/deliveries/{eventId}/redeliver")] HttpRequest request, string subscriptionId, string eventId) =>
        api.HandleAsync(request, async (caller, ct) => ApiResults.Accepted(await redeliver.ExecuteAsync(caller, subscriptionId, eventId, ct)));
}
