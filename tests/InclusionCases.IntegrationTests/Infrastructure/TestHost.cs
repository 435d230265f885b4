using System.Net.Http.Headers;
using System.Reflection;
using System.Security.Cryptography;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Identity;
using InclusionCases.Functions.PersonFile;
using InclusionCases.Functions.Pipeline;
using InclusionCases.LocalHost;
using InclusionCases.Tools.Demo;
using InclusionCases.Tools.Tokens;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionCases.IntegrationTests.Infrastructure;

/// <summary>
/// A local host started in-process on a free loopback port against the shared Azurite, with its own
/// table prefix (so test classes never see each other's rows), a fresh development signing key, and
/// the demo data seeded. Requests go over real HTTP.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    private TestHost(WebApplication app, string prefix)
    {
        App = app;
        TablePrefix = prefix;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.First().TrimEnd('/') + "/api/") };
        Tokens = DevelopmentTokenIssuer.FromConfiguration(app.Configuration);
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public string TablePrefix { get; }

    public IServiceProvider Services => App.Services;

    /// <summary>Mints development tokens with this host's signing key (the tools' issuer: the app only validates).</summary>
    public DevelopmentTokenIssuer Tokens { get; }

    /// <summary>This host's own name of a queue, e.g. <c>ContactIntakeQueue</c>.</summary>
    public string QueueName(string setting) => App.Configuration[setting] ?? throw new ArgumentException($"No setting {setting}.", nameof(setting));

    /// <summary>The identifier hash key of every host of this test run, so hosts over the same tables agree.</summary>
    public static readonly string IdentifierKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static string NewPrefix() => "t" + Guid.NewGuid().ToString("N")[..12];

    public static async Task<TestHost> StartAsync(
        string storageConnectionString,
        IReadOnlyDictionary<string, string?>? settings = null,
        IReadOnlyList<Assembly>? functionAssemblies = null,
        bool seed = true,
        TimeProvider? clock = null,
        string? prefix = null,
        bool runTriggers = true,
        Action<IServiceCollection>? configureServices = null,
        Microsoft.Extensions.Logging.LogLevel minimumLogLevel = Microsoft.Extensions.Logging.LogLevel.Warning)
    {
        prefix ??= NewPrefix();
        var overrides = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = storageConnectionString,
            ["Storage:TablePrefix"] = prefix,
            ["CaseEventsQueue"] = prefix + "-case-events",
            ["ContactIntakeQueue"] = prefix + "-contact-intake",
            ["WebhookDeliveriesQueue"] = prefix + "-webhook-deliveries",
            ["MatchRequestsQueue"] = prefix + "-match-requests",
            ["Webhooks:SecretKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Matching:IdentifierKey"] = IdentifierKey,
            // Receivers in tests listen on loopback; a failed delivery is tried again after a second, not 30.
            ["Webhooks:AllowLoopback"] = "true",
            ["Webhooks:FirstRetryDelay"] = "00:00:01",
            // Never during a test run: the retention tests call the job themselves.
            ["RetentionSchedule"] = "0 0 0 31 2 *",
            ["TaskRecheckSchedule"] = "0 0 0 31 2 *",
            ["ReferralExpirySchedule"] = "0 0 0 31 2 *",
            ["OutboxSweepSchedule"] = "*/2 * * * * *",
            ["ReportRollupSchedule"] = "* * * * * *",
            ["OperationsSampleSchedule"] = "0 0 0 31 2 *",
            // A failed message is retried at once rather than after host.json's 30 s, so tests that poison a
            // message need not wait; the retry fault test sets it back. Same override setting as in Azure.
            ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:00",
            ["Auth:Mode"] = AuthOptions.DevelopmentMode,
            ["Auth:Development:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Auth:Development:Audience"] = "0f6d2b8a-3c1e-4e5f-9a7b-8c9d0e1f2a3b",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }

        var app = LocalFunctionsHost.Build(new LocalHostOptions
        {
            Overrides = overrides,
            EnvironmentName = "Development",
            Url = "http://127.0.0.1:0",
            MinimumLogLevel = minimumLogLevel,
            FunctionAssemblies = functionAssemblies ?? [typeof(HttpApi).Assembly],
            ConfigureServices = services =>
            {
                if (clock is not null)
                {
                    services.AddSingleton(clock);
                }

                configureServices?.Invoke(services);
            },
            RunTriggers = runTriggers,
        });
        if (seed)
        {
            await ActivatorUtilities.CreateInstance<DemoDataSeeder>(app.Services).SeedAsync(CancellationToken.None);
        }

        await app.StartAsync();
        return new TestHost(app, prefix);
    }

    /// <summary>Waits until the projector has handled every outbox row of the person.</summary>
    public async Task WaitForProjectionAsync(string personId)
    {
        var store = Services.GetRequiredService<InclusionCases.Functions.PersonFile.PersonFileStore>();
        await Eventually.WaitForAsync(
            async () => (await store.LoadAsync(personId, CancellationToken.None)).OutboxRowKeys.Count, pending => pending == 0, TimeSpan.FromSeconds(60), "the projector to drain the outbox");
    }

    /// <summary>A development token for a demo user, e.g. "sophie".</summary>
    public string TokenFor(string login)
    {
        var user = DemoDirectory.Find(login) ?? throw new ArgumentException($"No demo user '{login}'.", nameof(login));
        return Tokens.IssueFor(user);
    }

    public static HttpRequestMessage Request(HttpMethod method, string path, string? bearerToken)
    {
        var request = new HttpRequestMessage(method, path);
        if (bearerToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }

        return request;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
