using Azure.Storage.Queues;
using Azure.Storage.Queues.Specialized;
using InclusionCases.Functions;
using InclusionCases.Functions.Storage;
using InclusionCases.LocalHost.Configuration;
using InclusionCases.Functions.Hosting;
using InclusionCases.LocalHost.Discovery;
using InclusionCases.LocalHost.Http;
using InclusionCases.LocalHost.Queues;
using InclusionCases.LocalHost.Timers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InclusionCases.LocalHost;

/// <summary>
/// Builds the local stand-in for the Functions host: the app's own composition
/// (<see cref="InclusionCasesServiceCollectionExtensions.AddInclusionCases"/>), every discovered HTTP
/// function on Kestrel, a <see cref="QueueTriggerListener"/> per queue function and a
/// <see cref="TimerTriggerRunner"/> per timer function.
/// </summary>
public static class LocalFunctionsHost
{
    /// <summary>The queue listeners' network timeout per attempt: the Azure SDK's default, which the Functions host keeps.</summary>
    internal static readonly TimeSpan ListenerNetworkTimeout = TimeSpan.FromSeconds(100);

    public const int DefaultPort = 7071;

    public static WebApplication Build(LocalHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var localSettings = options.LocalSettingsPath is { } path ? LocalSettings.Load(path) : LocalSettings.Empty;
        var environmentName = options.EnvironmentName
            ?? options.Overrides.GetValueOrDefault("AZURE_FUNCTIONS_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("AZURE_FUNCTIONS_ENVIRONMENT")
            ?? localSettings.Values.GetValueOrDefault("AZURE_FUNCTIONS_ENVIRONMENT")
            ?? "Development";

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            EnvironmentName = environmentName,
            ContentRootPath = AppContext.BaseDirectory,
        });

        // As with Core Tools: local settings first, real environment variables over them; test overrides last.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = localSettings.Values });
        builder.Configuration.AddInMemoryCollection(options.Overrides);
        var hostJson = File.Exists(options.HostJsonPath) ? HostJson.Load(options.HostJsonPath, builder.Configuration) : HostJson.Defaults;

        builder.Logging.SetMinimumLevel(options.MinimumLogLevel);
        builder.Logging.AddFilter("Microsoft.AspNetCore", Microsoft.Extensions.Logging.LogLevel.Warning);
        // Data protection is registered by the authentication services but unused by a bearer-only API.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", Microsoft.Extensions.Logging.LogLevel.Error);
        builder.WebHost.UseUrls(options.Url ?? $"http://127.0.0.1:{localSettings.LocalHttpPort ?? DefaultPort}");

        builder.Services.AddInclusionCases(builder.Configuration, builder.Environment);
        builder.Services.AddMvcCore();
        // The slim builder leaves out the regex route constraint; Functions routes may use it.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteOptions>(o => o.SetParameterPolicy<Microsoft.AspNetCore.Routing.Constraints.RegexInlineRouteConstraint>("regex"));
        options.ConfigureServices?.Invoke(builder.Services);

        var catalog = FunctionCatalog.Discover(options.FunctionAssemblies);
        foreach (var function in options.RunTriggers ? catalog.Queues : [])
        {
            AddQueueListener(builder, function, hostJson.Queues);
        }

        foreach (var function in options.RunTriggers ? catalog.Timers : [])
        {
            var schedule = ParseSchedule(function, builder.Configuration);
            builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostedService>(sp => new TimerTriggerRunner(
                function, schedule, sp, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<TimerTriggerRunner>>()));
        }

        var app = builder.Build();
        HttpFunctionRoutes.Map(app, catalog.Http, hostJson.RoutePrefix);
        return app;
    }

    /// <summary>A timer function's schedule after <c>%Setting%</c> resolution; one the timer extension would refuse stops the host, naming the function.</summary>
    internal static TimerSchedule ParseSchedule(TimerFunction function, IConfiguration configuration)
    {
        var expression = BindingExpressions.Resolve(function.Schedule, configuration);
        try
        {
            return TimerSchedule.Parse(expression);
        }
        catch (FormatException ex)
        {
            throw new InvalidOperationException($"Timer function '{function.Name}': {ex.Message}", ex);
        }
    }

    private static void AddQueueListener(WebApplicationBuilder builder, QueueFunction function, QueueTriggerSettings settings)
    {
        var queueName = BindingExpressions.Resolve(function.QueueName, builder.Configuration);
        var account = StorageAccount.FromConfiguration(builder.Configuration, function.Connection, ConfigureListenerQueues);
        builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostedService>(sp => new QueueTriggerListener(
            function,
            account.Queue(queueName),
            account.Queue(QueueNames.PoisonOf(queueName)),
            settings,
            sp,
            sp.GetRequiredService<ILogger<QueueTriggerListener>>()));
    }

    /// <summary>
    /// A queue listener's client options. Not a request path: like the Functions host's listener (SDK
    /// defaults), it waits for a slow receive. Giving up on one after the request-path timeout and
    /// retrying it would leave the messages the first attempt dequeued hidden, unprocessed, for the
    /// whole lease (seen in the bench when Azurite stalls during its queue garbage collection).
    /// </summary>
    internal static void ConfigureListenerQueues(QueueClientOptions queues)
    {
        queues.Retry.NetworkTimeout = ListenerNetworkTimeout;
        queues.MessageDecodingFailed += OnDecodingFailedAsync;
    }

    // Like the host: a message that is not valid base64 goes straight to the poison queue.
    private static async Task OnDecodingFailedAsync(QueueMessageDecodingFailedEventArgs args)
    {
        if (args.ReceivedMessage is { } message)
        {
            var poison = args.Queue.GetParentQueueServiceClient().GetQueueClient(QueueNames.PoisonOf(args.Queue.Name));
            await poison.CreateIfNotExistsAsync(cancellationToken: args.CancellationToken);
            await poison.SendMessageAsync(message.Body, cancellationToken: args.CancellationToken);
            await args.Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, args.CancellationToken);
        }
    }
}
