using System.Net;
using System.Net.Sockets;
using InclusionCases.IntegrationTests.Infrastructure;

namespace InclusionCases.IntegrationTests.Health;

/// <summary>A host whose storage cannot be reached answers 503 with Retry-After, never 500.</summary>
public sealed class StorageOutageTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        // A loopback port nobody listens on: every storage call is refused.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var unreachable =
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
            $"BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{port}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
        _host = await TestHost.StartAsync(unreachable, seed: false);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Health_StorageUnreachable_Answers503WithRetryAfter()
    {
        var response = await _host.Client.GetAsync(new Uri("health", UriKind.Relative));

        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.NotNull(response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Me_StorageUnreachable_Answers503WithRetryAfter()
    {
        using var request = TestHost.Request(HttpMethod.Get, "me", _host.TokenFor("sophie"));

        var response = await _host.Client.SendAsync(request);

        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.NotNull(response.Headers.RetryAfter?.Delta);
    }

    [Theory]
    [InlineData("POST", "cases")]
    [InlineData("GET", "cases/paaaaaaaaaaaaaaaa-caaaaaaaaaa")]
    [InlineData("GET", "cases")]
    public async Task CaseRoutes_StorageUnreachable_Answer503WithRetryAfter(string method, string path)
    {
        var call = await ApiCall.SendAsync(_host, new HttpMethod(method), path, "sophie", method == "POST" ? new { type = "homelessness", person = new { displayName = "A" } } : null);

        ProblemAssertions.AssertProblem(call, HttpStatusCode.ServiceUnavailable);
        Assert.NotNull(call.Headers.RetryAfter?.Delta);
    }
}
