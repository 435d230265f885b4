using InclusionCases.Domain.Identity;
using InclusionCases.Functions.Audit;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Localization;

namespace InclusionCases.Functions.Webhooks.UseCases;

/// <summary>
/// Deletes one of the caller's organisation's subscriptions: nothing more is sent to it, attempts already
/// queued included. Another organisation's id is a 404, like an id that never existed.
/// </summary>
public sealed class DeleteSubscription(SubscriptionStore store, AuditLog audit)
{
    public async Task ExecuteAsync(Caller caller, string subscriptionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!SubscriptionIds.IsValid(subscriptionId))
        {
            throw ApiProblemException.NotFound(ApiText.NotFoundSubscription);
        }

        await audit.RecordAttemptAsync(AuditAction.SubscriptionDelete, "subscriptions/" + subscriptionId, null, cancellationToken);
        if (!await store.DeleteAsync(caller.OrganisationId, subscriptionId, cancellationToken))
        {
            throw ApiProblemException.NotFound(ApiText.NotFoundSubscription);
        }
    }
}
