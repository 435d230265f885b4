using System.Net.Sockets;
using Azure;

namespace InclusionCases.Functions.Storage;

/// <summary>
/// Tells a storage outage (unreachable, throttled, timed out, server error) from a bug, so outages
/// answer 503 with Retry-After and bugs are logged as such.
/// </summary>
public static class StorageFaults
{
    public static bool IsUnavailable(Exception exception)
    {
        return exception switch
        {
            RequestFailedException failed => failed.Status is 0 or 408 or 429 or >= 500,
            HttpRequestException or SocketException or TimeoutException or IOException => true,
            AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsUnavailable),
            OperationCanceledException canceled => canceled.InnerException is not null && IsUnavailable(canceled.InnerException),
            _ => exception.InnerException is not null && IsUnavailable(exception.InnerException),
        };
    }
}
