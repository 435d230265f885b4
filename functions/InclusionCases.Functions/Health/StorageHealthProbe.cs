using Azure;
using Azure.Data.Tables;
using InclusionCases.Functions.Storage;

namespace InclusionCases.Functions.Health;

/// <summary>
/// Checks that the table and queue endpoints answer, with one cheap data-plane call each (a point
/// read that finds nothing, an existence check), both allowed by the data roles the app holds.
/// Throws what storage throws when it is unreachable, so the pipeline maps it to 503.
/// </summary>
public sealed class StorageHealthProbe(StorageAccount storage)
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(5);

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Budget);
        try
        {
            await Task.WhenAll(ProbeTableAsync(timeout.Token), storage.Queue("health-probe").ExistsAsync(timeout.Token));
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // Storage that does not answer within the budget is unavailable (503), not a failure of ours.
            throw new TimeoutException($"Storage did not answer within {Budget.TotalSeconds:0} s.");
        }
    }

    private async Task ProbeTableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await storage.Table(TableNames.Organisations).GetEntityIfExistsAsync<TableEntity>("health", "probe", cancellationToken: cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is >= 400 and < 500 and not 408 and not 429)
        {
            // Storage answered (e.g. the table is not created yet): it is reachable.
        }
    }
}
