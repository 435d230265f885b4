using System.Net.Sockets;
using Azure;
using InclusionCases.Functions.Storage;

namespace InclusionCases.UnitTests.Storage;

public sealed class StorageFaultsTests
{
    public static TheoryData<Exception, bool> Cases => new()
    {
        { new RequestFailedException("no response"), true },
        { new RequestFailedException(503, "server busy"), true },
        { new RequestFailedException(500, "internal"), true },
        { new RequestFailedException(429, "throttled"), true },
        { new RequestFailedException(408, "timeout"), true },
        { new HttpRequestException("connection refused", new SocketException(111)), true },
        { new AggregateException(new RequestFailedException("retry 1"), new HttpRequestException("retry 2")), true },
        { new TaskCanceledException("timed out", new TimeoutException()), true },
        { new RequestFailedException(404, "not found"), false },
        { new RequestFailedException(412, "condition not met"), false },
        { new RequestFailedException(409, "conflict"), false },
        { new InvalidOperationException("bug"), false },
        { new TaskCanceledException("caller went away"), false },
        { new AggregateException(new RequestFailedException(503, "busy"), new InvalidOperationException("bug")), false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void IsUnavailable_ClassifiesOutagesApartFromBugsAndAnswers(Exception exception, bool expected)
    {
        Assert.Equal(expected, StorageFaults.IsUnavailable(exception));
    }
}
