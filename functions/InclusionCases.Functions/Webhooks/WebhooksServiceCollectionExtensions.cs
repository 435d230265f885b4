using InclusionCases.Functions.Webhooks.UseCases;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace InclusionCases.Functions.Webhooks;

public static class WebhooksServiceCollectionExtensions
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var development = environment.IsDevelopment();
        services.AddOptions<WebhookOptions>()
            .Bind(configuration.GetSection(WebhookOptions.SectionName))
            .Validate(o => WebhookOptions.IsKey(o.SecretKey), "Webhooks:SecretKey must be base64 of 32 random bytes (in Azure, a Key Vault reference).")
            .Validate(o => !o.AllowLoopback || development, $"Webhooks:AllowLoopback is true but the host environment is '{environment.EnvironmentName}': loopback receivers are for a Development host only.")
            .Validate(o => o.FirstRetryDelay >= TimeSpan.FromSeconds(1) && o.FirstRetryDelay <= TimeSpan.FromHours(1), "Webhooks:FirstRetryDelay must be from 00:00:01 to 01:00:00.")
            .Validate(o => o.SendTimeout >= TimeSpan.FromSeconds(1) && o.SendTimeout <= TimeSpan.FromMinutes(1), "Webhooks:SendTimeout must be from 00:00:01 to 00:01:00.")
            .ValidateOnStart();
        return services
            .AddSingleton<SubscriptionSecrets>()
            .AddSingleton<WebhookHosts>()
            .AddSingleton<SubscriptionStore>()
            .AddSingleton<DeliveryLog>()
            .AddSingleton<DeliveryAttempts>()
            .AddSingleton<WebhookSender>()
            .AddSingleton<WebhookFanOut>()
            .AddSingleton<DeliverEvent>()
            .AddSingleton<CreateSubscription>()
            .AddSingleton<ListSubscriptions>()
            .AddSingleton<GetSubscription>()
            .AddSingleton<DeleteSubscription>()
            .AddSingleton<ListDeliveries>()
            .AddSingleton<RedeliverEvent>();
    }
}
