using Azure.Storage.Queues;
using InclusionCases.Functions.Storage;
using InclusionCases.LocalHost;

namespace InclusionCases.UnitTests.LocalHost;

public sealed class QueueListenerClientTests
{
    [Fact]
    public void ListenerClients_WaitForASlowReceiveAsTheSdkDefaultDoes_WhileRequestPathsFailFast()
    {
        var requestPath = new QueueClientOptions();
        StorageRetry.Apply(requestPath.Retry);
        var listener = new QueueClientOptions();
        StorageRetry.Apply(listener.Retry);

        LocalFunctionsHost.ConfigureListenerQueues(listener);

        // A receive abandoned on timeout and retried leaves what the first attempt dequeued hidden for the lease.
        Assert.Equal(new QueueClientOptions().Retry.NetworkTimeout, listener.Retry.NetworkTimeout);
        Assert.True(listener.Retry.NetworkTimeout > requestPath.Retry.NetworkTimeout);
    }
}
