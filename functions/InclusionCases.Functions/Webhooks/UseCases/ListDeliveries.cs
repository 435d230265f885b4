using InclusionCases.Domain.Identity;
using InclusionCases.Domain.Webhooks;
using InclusionCases.Functions.Audit;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Localization;
using InclusionCases.Functions.Webhooks.Contracts;

namespace InclusionCases.Functions.Webhooks.UseCases;

/// <summary>
/// A page of one of the caller's organisation's subscriptions' delivery log, newest event first, without
/// the events withheld at send time (a page may then hold fewer than its limit).
/// </summary>
public sealed class ListDeliveries(SubscriptionStore store, DeliveryLog log, AuditLog audit)
{
    public async Task<PageResponse<DeliveryResponse>> ExecuteAsync(Caller caller, string subscriptionId, Paging paging, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(paging);
        if (!SubscriptionIds.IsValid(subscriptionId))
        {
            throw ApiProblemException.NotFound(ApiText.NotFoundSubscription);
        }

        var resource = $"subscriptions/{subscriptionId}/deliveries";
        var (subscription, (items, token)) = await audit.BesideAsync(AuditAction.DeliveryList, resource, null, async () =>
        {
            var owned = store.GetAsync(caller.OrganisationId, subscriptionId, cancellationToken);
            var page = log.PageAsync(subscriptionId, paging, cancellationToken);
            await Task.WhenAll(owned, page);
            return (await owned, await page);
        }, cancellationToken);
        if (subscription is null)
        {
            throw ApiProblemException.NotFound(ApiText.NotFoundSubscription);
        }

        // Withheld events were never the organisation's to know of: not even their type is shown (the audit log keeps them).
        return new([.. items.Where(d => d.Status != DeliveryStatus.Withheld).Select(DeliveryResponse.From)], Paging.Encode(token));
    }
}
