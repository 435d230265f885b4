using System.Net;
using System.Net.Sockets;

namespace InclusionCases.Functions.Webhooks;

/// <summary>
/// Resolves a subscription URL's host to the addresses the URL rules judge (an address literal is
/// itself). The sender resolves again on every connection: this answer only decides whether a
/// subscription is taken. A class of its own so a test can answer for names the machine cannot resolve.
/// </summary>
public class WebhookHosts
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>The addresses of <paramref name="host"/>; none when it does not resolve in time.</summary>
    public virtual async Task<IReadOnlyCollection<IPAddress>> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal))
        {
            return [literal];
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            return await Dns.GetHostAddressesAsync(host, timeout.Token);
        }
        catch (Exception ex) when (ex is SocketException or ArgumentException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return [];
        }
    }
}
