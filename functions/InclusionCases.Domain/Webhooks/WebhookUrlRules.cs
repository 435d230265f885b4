using System.Net;

namespace InclusionCases.Domain.Webhooks;

/// <summary>
/// The rules a subscription's URL meets: absolute, https on port 443, no credentials, and every address
/// its host resolves to public (<see cref="WebhookAddresses.IsPublic"/>). Only a development host that allows
/// loopback (to test against a receiver on the same machine) accepts a URL whose addresses are all
/// loopback, over http or https.
/// </summary>
public static class WebhookUrlRules
{
    /// <summary>
    /// What is wrong with <paramref name="url"/> whatever its host resolves to, or <c>null</c>: checked before
    /// any lookup, so the answer to a URL never depends on which names resolve (in our private DNS too).
    /// </summary>
    public static WebhookUrlProblem? CheckBeforeResolving(Uri url, bool allowLoopback)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || string.IsNullOrEmpty(url.Host))
        {
            return WebhookUrlProblem.NotAbsolute;
        }

        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            return WebhookUrlProblem.Credentials;
        }

        if (url.Scheme != Uri.UriSchemeHttps && (url.Scheme != Uri.UriSchemeHttp || !allowLoopback))
        {
            return WebhookUrlProblem.NotHttps;
        }

        return !allowLoopback && url.Port != 443 ? WebhookUrlProblem.Port : null;
    }

    /// <summary>The problem with <paramref name="url"/> whose host resolved to <paramref name="addresses"/>, or <c>null</c> when it may be used.</summary>
    public static WebhookUrlProblem? Check(Uri url, IReadOnlyCollection<IPAddress> addresses, bool allowLoopback)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        if (CheckBeforeResolving(url, allowLoopback) is { } early)
        {
            return early;
        }

        if (addresses.Count == 0)
        {
            return WebhookUrlProblem.Unresolvable;
        }

        var loopback = allowLoopback && addresses.All(WebhookAddresses.IsLoopback);
        if (url.Scheme != Uri.UriSchemeHttps && !(loopback && url.Scheme == Uri.UriSchemeHttp))
        {
            return WebhookUrlProblem.NotHttps;
        }

        if (!loopback && url.Port != 443)
        {
            return WebhookUrlProblem.Port;
        }

        return loopback || addresses.All(WebhookAddresses.IsPublic) ? null : WebhookUrlProblem.NotPublic;
    }

    /// <summary>Whether one address met when connecting may be used (the check repeated on each connection).</summary>
    public static bool MayConnect(IPAddress address, bool allowLoopback) =>
        WebhookAddresses.IsPublic(address) || (allowLoopback && WebhookAddresses.IsLoopback(address));
}
