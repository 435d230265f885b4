using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Globalization;
using InclusionCases.Domain.Webhooks;
using Microsoft.Extensions.Options;

namespace InclusionCases.Functions.Webhooks;

/// <summary>
/// Sends one signed webhook. The address check is made again where it matters, at connection time: the
/// connection goes only to addresses <see cref="WebhookUrlRules.MayConnect"/> allows, with every address
/// the name resolves to allowed (a name that came to resolve privately after the subscription was made,
/// DNS rebinding, is refused). No proxy, no cookies, and no redirect followed: a 3xx is an answer
/// like any other failure.
/// </summary>
public sealed class WebhookSender : IDisposable
{
    private readonly HttpClient _client;
    private readonly TimeSpan _timeout;

    public WebhookSender(IOptions<WebhookOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var allowLoopback = options.Value.AllowLoopback;
        _timeout = options.Value.SendTimeout;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            ConnectTimeout = _timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectCallback = (context, cancellationToken) => ConnectAsync(context.DnsEndPoint, allowLoopback, cancellationToken),
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>Posts the event to <paramref name="url"/>; returns the status code, or null when no answer came (refused address, network failure, timeout).</summary>
    public async Task<int?> SendAsync(Uri url, string secret, WebhookEvent notice, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var (body, contentType) = WebhookBody.Of(notice);
        // HTTP/1.1 exactly: HTTP/3 (QUIC) would not connect through the address check of ConnectCallback.
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body, MediaTypeHeaderValue.Parse(contentType)),
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Headers.Add("webhook-id", notice.Id);
        request.Headers.Add("webhook-timestamp", now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.Sign(secret, notice.Id, now, body));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return (int)response.StatusCode;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is HttpRequestException or OperationCanceledException or IOException)
        {
            return null;
        }
    }

    public void Dispose() => _client.Dispose();

    private static async ValueTask<Stream> ConnectAsync(DnsEndPoint endpoint, bool allowLoopback, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken);
        if (addresses.Length == 0 || !addresses.All(a => WebhookUrlRules.MayConnect(a, allowLoopback)))
        {
            throw new HttpRequestException("The webhook's host resolves to an address it may not be sent to.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endpoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
