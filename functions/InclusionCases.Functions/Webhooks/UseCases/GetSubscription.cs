using InclusionCases.Domain.Identity;
using InclusionCases.Functions.Audit;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Localization;
using InclusionCases.Functions.Webhooks.Contracts;

namespace InclusionCases.Functions.Webhooks.UseCases;

/// <summary>One of the caller's organisation's subscriptions, without its secret; another organisation's id is a 404.</summary>
public sealed class GetSubscription(SubscriptionStore store, AuditLog audit)
{
    public async Task<SubscriptionResponse> ExecuteAsync(Caller caller, string subscriptionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!SubscriptionIds.IsValid(subscriptionId))
        {
            throw ApiProblemException.NotFound(ApiText.NotFoundSubscription);
        }

        var found = await audit.BesideAsync(
            AuditAction.SubscriptionRead, "subscriptions/" + subscriptionId, null, () => store.GetAsync(caller.OrganisationId, subscriptionId, cancellationToken), cancellationToken);
        return found is { Subscription: var subscription } ? SubscriptionResponse.From(subscription) : throw ApiProblemException.NotFound(ApiText.NotFoundSubscription);
    }
}
