using InclusionCases.Domain.Identity;
using InclusionCases.Functions.Audit;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Webhooks.Contracts;

namespace InclusionCases.Functions.Webhooks.UseCases;

/// <summary>The caller's organisation's subscriptions (at most five, so one page), oldest first, without their secrets.</summary>
public sealed class ListSubscriptions(SubscriptionStore store, AuditLog audit)
{
    public async Task<PageResponse<SubscriptionResponse>> ExecuteAsync(Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var subscriptions = await audit.BesideAsync(
            AuditAction.SubscriptionList, "organisation/" + caller.OrganisationId, null, () => store.ListAsync(caller.OrganisationId, cancellationToken), cancellationToken);
        return new([.. subscriptions.Select(SubscriptionResponse.From)], null);
    }
}
