using InclusionCases.Domain.Identity;
using InclusionCases.Domain.Webhooks;
using InclusionCases.Functions.Audit;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Localization;
using InclusionCases.Functions.Webhooks.Contracts;
using Microsoft.Extensions.Options;

namespace InclusionCases.Functions.Webhooks.UseCases;

/// <summary>
/// Subscribes the caller's organisation to event types at a URL that passes <see cref="WebhookUrlRules"/>
/// once its host is resolved (and again at every delivery). At most <see cref="WebhookOptions.MaxPerOrganisation"/>
/// per organisation. The new secret is answered once and stored sealed (<see cref="SubscriptionSecrets"/>).
/// </summary>
public sealed class CreateSubscription(SubscriptionStore store, SubscriptionSecrets secrets, WebhookHosts hosts, AuditLog audit, IOptions<WebhookOptions> options, TimeProvider clock)
{
    public async Task<CreatedSubscriptionResponse> ExecuteAsync(Caller caller, CreateSubscriptionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        var events = Events(request.Events, errors);
        var url = await UrlAsync(request.Url, errors, cancellationToken);
        errors.ThrowIfAny();

        var id = SubscriptionIds.New();
        var secret = WebhookSignature.NewSecret();
        var subscription = new Subscription(id, caller.OrganisationId, url!, events, clock.GetUtcNow(), caller.Id, null, secrets.Protect(secret, caller.OrganisationId, id));
        await audit.RecordAttemptAsync(AuditAction.SubscriptionCreate, "subscriptions/" + id, null, cancellationToken);
        if (!await store.TryCreateAsync(subscription, WebhookOptions.MaxPerOrganisation, cancellationToken))
        {
            throw ApiProblemException.Conflict(ApiText.SubscriptionLimit(WebhookOptions.MaxPerOrganisation));
        }

        return new(id, url!.AbsoluteUri, events, SubscriptionStatus.Active, subscription.CreatedAt, secret);
    }

    private static List<string> Events(IReadOnlyList<string>? requested, FieldErrors errors)
    {
        if (requested is null || requested.Count == 0)
        {
            errors.Add("events", ApiText.WebhookEventsRequired);
            return [];
        }

        if (requested.Count > CreateSubscriptionRequest.MaxEvents)
        {
            errors.Add("events", ApiText.AtMostEvents(CreateSubscriptionRequest.MaxEvents));
            return [];
        }

        var events = new List<string>();
        for (var i = 0; i < requested.Count; i++)
        {
            var type = requested[i];
            if (!WebhookEventTypes.IsKnown(type))
            {
                errors.Add($"events[{i}]", ApiText.WebhookEventUnknown(string.Join(", ", WebhookEventTypes.All)));
            }
            else if (events.Contains(type, StringComparer.Ordinal))
            {
                errors.Add($"events[{i}]", ApiText.WebhookEventRepeated);
            }
            else
            {
                events.Add(type);
            }
        }

        return events;
    }

    // The host as DNS knows it; null when an international name has no ASCII form (a label too long once encoded).
    private static string? IdnHostOf(Uri url)
    {
        try
        {
            return url.IdnHost;
        }
        catch (UriFormatException)
        {
            return null;
        }
    }

    private async Task<Uri?> UrlAsync(string? text, FieldErrors errors, CancellationToken cancellationToken)
    {
        errors.Required("url", text, CreateSubscriptionRequest.MaxUrlLength);
        if (string.IsNullOrWhiteSpace(text) || text.Length > CreateSubscriptionRequest.MaxUrlLength)
        {
            return null;
        }

        WebhookUrlProblem? problem = WebhookUrlProblem.NotAbsolute;
        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && IdnHostOf(url) is { } host)
        {
            problem = WebhookUrlRules.CheckBeforeResolving(url, options.Value.AllowLoopback)
                ?? WebhookUrlRules.Check(url, await hosts.ResolveAsync(host, cancellationToken), options.Value.AllowLoopback);
            if (problem is null)
            {
                return url;
            }
        }

        errors.Add("url", problem switch
        {
            WebhookUrlProblem.NotHttps => ApiText.WebhookUrlNotHttps,
            WebhookUrlProblem.Credentials => ApiText.WebhookUrlCredentials,
            WebhookUrlProblem.Port => ApiText.WebhookUrlPort,
            // One answer for both, so the API does not tell which names exist in our private DNS.
            WebhookUrlProblem.Unresolvable or WebhookUrlProblem.NotPublic => ApiText.WebhookUrlNotPublic,
            _ => ApiText.WebhookUrlNotAbsolute,
        });
        return null;
    }
}
