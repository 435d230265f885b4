using Azure.Core;

namespace InclusionCases.Functions.Storage;

/// <summary>
/// Retry settings for storage calls made on a request path: a few quick retries, then fail fast so
/// the caller gets a 503 with Retry-After within seconds instead of hanging for the SDK's defaults.
/// </summary>
internal static class StorageRetry
{
    public static void Apply(RetryOptions retry)
    {
        retry.Mode = RetryMode.Exponential;
        retry.MaxRetries = 2;
        retry.Delay = TimeSpan.FromMilliseconds(200);
        retry.MaxDelay = TimeSpan.FromSeconds(2);
        retry.NetworkTimeout = TimeSpan.FromSeconds(10);
    }
}
