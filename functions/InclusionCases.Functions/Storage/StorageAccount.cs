using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace InclusionCases.Functions.Storage;

/// <summary>
/// The storage account the app keeps its tables and queues in, built from the same setting the
/// Functions host uses (<c>AzureWebJobsStorage</c>): a connection string locally (Azurite), or an
/// identity-based connection in Azure (<c>AzureWebJobsStorage__accountName</c> or
/// <c>__tableServiceUri</c>/<c>__queueServiceUri</c>, with <c>__credential=managedidentity</c> and
/// <c>__clientId</c> for a user-assigned identity).
/// </summary>
public sealed class StorageAccount
{
    public const string DefaultConnectionName = "AzureWebJobsStorage";

    private readonly StorageNames _names;

    public StorageAccount(TableServiceClient tables, QueueServiceClient queues, StorageNames names)
    {
        Tables = tables;
        Queues = queues;
        _names = names;
    }

    public TableServiceClient Tables { get; }

    public QueueServiceClient Queues { get; }

    /// <summary>The client of one of the app's tables (its name carries the configured prefix).</summary>
    public TableClient Table(string logicalName) => Tables.GetTableClient(_names.Table(logicalName));

    /// <summary>The client of a queue by its full name.</summary>
    public QueueClient Queue(string queueName) => Queues.GetQueueClient(queueName);

    /// <param name="configuration">The app settings.</param>
    /// <param name="connectionName">The setting (or setting prefix) naming the account.</param>
    /// <param name="configureQueues">Extra queue client options, e.g. a queue listener's decoding-failure handler.</param>
    /// <param name="configureTables">Extra table client options, e.g. a benchmark's call-counting policy.</param>
    /// <param name="credential">
    /// The identity of an identity-based connection, in place of the one the settings name (managed
    /// identity, else <see cref="DefaultAzureCredential"/>); e.g. an operator's own sign-in pinned to a tenant.
    /// Unused with a connection string.
    /// </param>
    public static StorageAccount FromConfiguration(IConfiguration configuration, string connectionName = DefaultConnectionName, Action<QueueClientOptions>? configureQueues = null, Action<TableClientOptions>? configureTables = null, TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var names = StorageNames.FromConfiguration(configuration);
        var section = configuration.GetSection(connectionName);
        var tableOptions = new TableClientOptions();
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        StorageRetry.Apply(tableOptions.Retry);
        StorageRetry.Apply(queueOptions.Retry);
        configureQueues?.Invoke(queueOptions);
        configureTables?.Invoke(tableOptions);

        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            return new StorageAccount(
                new TableServiceClient(section.Value, tableOptions),
                new QueueServiceClient(section.Value, queueOptions),
                names);
        }

        var accountName = section["accountName"];
        var tableUri = section["tableServiceUri"] ?? (accountName is null ? null : $"https://{accountName}.table.core.windows.net");
        var queueUri = section["queueServiceUri"] ?? (accountName is null ? null : $"https://{accountName}.queue.core.windows.net");
        if (tableUri is null || queueUri is null)
        {
            throw new InvalidOperationException(
                $"Storage is not configured: set '{connectionName}' to a connection string, or '{connectionName}__accountName' for an identity-based connection.");
        }

        credential ??= CreateCredential(section);
        return new StorageAccount(
            new TableServiceClient(new Uri(tableUri), credential, tableOptions),
            new QueueServiceClient(new Uri(queueUri), credential, queueOptions),
            names);
    }

    private static TokenCredential CreateCredential(IConfigurationSection section)
    {
        var clientId = section["clientId"];
        if (string.Equals(section["credential"], "managedidentity", StringComparison.OrdinalIgnoreCase))
        {
            return string.IsNullOrEmpty(clientId)
                ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
        }

        return new DefaultAzureCredential();
    }
}
