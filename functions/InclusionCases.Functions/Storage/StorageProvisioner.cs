using Azure;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InclusionCases.Functions.Storage;

/// <summary>
/// Creates the app's tables and queues when missing. Runs at host start (and from <c>./dev seed</c>);
/// if storage is not reachable yet it keeps trying in the background instead of failing the host,
/// since requests meanwhile answer 503.
/// </summary>
public sealed partial class StorageProvisioner(StorageAccount account, QueueNames queues, ILogger<StorageProvisioner> logger) : BackgroundService
{
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        foreach (var table in TableNames.All)
        {
            await account.Table(table).CreateIfNotExistsAsync(cancellationToken);
        }

        foreach (var queue in queues.All)
        {
            await account.Queue(queue).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await account.Queue(QueueNames.PoisonOf(queue)).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await EnsureCreatedAsync(stoppingToken);
                return;
            }
            catch (Exception ex) when (StorageFaults.IsUnavailable(ex) || ex is RequestFailedException)
            {
                LogNotReady(logger, delay.TotalSeconds, ex.Message);
            }

            await Task.Delay(delay, stoppingToken);
            delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, 30));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage is not reachable yet; creating tables and queues again in {Seconds} s ({Reason})")]
    private static partial void LogNotReady(ILogger logger, double seconds, string reason);
}
