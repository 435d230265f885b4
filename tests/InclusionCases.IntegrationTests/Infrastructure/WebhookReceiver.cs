using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InclusionCases.IntegrationTests.Infrastructure;

/// <summary>
/// A partner's webhook receiver, on loopback inside the test: a small Kestrel app that records every
/// request to <c>/hooks</c> and answers the status <see cref="Answer"/> chooses.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <summary>The status to answer a request with; 200 unless a test says otherwise.</summary>
    public Func<ReceivedWebhook, int> Answer { get; set; } = _ => StatusCodes.Status200OK;

    /// <summary>The URL to subscribe with.</summary>
    public string Url { get; private set; } = string.Empty;

    public IReadOnlyList<ReceivedWebhook> Received => [.. _received];

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hooks", async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var received = new ReceivedWebhook(
                context.Request.Headers["webhook-id"].ToString(),
                context.Request.Headers["webhook-timestamp"].ToString(),
                context.Request.Headers["webhook-signature"].ToString(),
                context.Request.ContentType ?? string.Empty,
                await reader.ReadToEndAsync());
            receiver._received.Enqueue(received);
            context.Response.StatusCode = receiver.Answer(received);
        });
        await app.StartAsync();
        receiver.Url = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hooks";
        return receiver;
    }

    /// <summary>Waits until at least <paramref name="count"/> requests matching <paramref name="which"/> arrived.</summary>
    public Task<IReadOnlyList<ReceivedWebhook>> WaitForAsync(int count, Func<ReceivedWebhook, bool>? which = null, string what = "webhooks") =>
        Eventually.WaitForAsync(() => Task.FromResult<IReadOnlyList<ReceivedWebhook>>([.. _received.Where(which ?? (_ => true))]), r => r.Count >= count, TimeSpan.FromSeconds(60), $"{count} {what}");

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>One request a <see cref="WebhookReceiver"/> got: the Standard Webhooks headers and the body.</summary>
internal sealed record ReceivedWebhook(string Id, string Timestamp, string Signature, string ContentType, string Body)
{
    public JsonElement Event => JsonDocument.Parse(Body).RootElement;

    public string Type => Event.GetProperty("type").GetString()!;

    public string? Data(string name) => Event.GetProperty("data").TryGetProperty(name, out var value) ? value.GetString() : null;
}
