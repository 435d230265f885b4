using System.Net;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using InclusionCases.Functions.Storage;
using InclusionCases.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionCases.IntegrationTests.Idempotency;

/// <summary>
/// Storage faults around an idempotent create: a fault on the key table is a 503 that did nothing; a
/// fault in the create itself releases the key, so the retry the 503 asks for runs and creates once.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class IdempotencyFaultTests(AzuriteFixture azurite) : HostedTest(azurite)
{
    private readonly TableFaults _faults = new();

    protected override Task<TestHost> StartHostAsync() => TestHost.StartAsync(
        Azurite.ConnectionString,
        configureServices: services => services.AddSingleton(sp => StorageAccount.FromConfiguration(
            sp.GetRequiredService<IConfiguration>(), configureTables: o => o.AddPolicy(_faults, HttpPipelinePosition.PerRetry))));

    [Fact]
    public async Task KeyTableUnreachable_Is503WithRetryAfter_AndCreatesNothing_ThenTheRetryCreates()
    {
        var persons = await PersonRowsAsync();

        _faults.FailPathContaining = TableNames.IdempotencyKeys;
        var refused = await CreateAsync("fault-key-1");
        _faults.FailPathContaining = null;
        var retried = await CreateAsync("fault-key-1");

        ProblemAssertions.AssertProblem(refused, HttpStatusCode.ServiceUnavailable);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.Created, retried.Status);
        Assert.False(retried.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(persons + 1, await PersonRowsAsync());
    }

    [Fact]
    public async Task CreateFailsOnStorage_ReleasesTheKey_SoTheRetryCreatesOnce()
    {
        var persons = await PersonRowsAsync();

        _faults.FailPathContaining = "$batch";
        var refused = await CreateAsync("fault-key-2");
        _faults.FailPathContaining = null;
        var retried = await CreateAsync("fault-key-2");
        var replayed = await CreateAsync("fault-key-2");

        ProblemAssertions.AssertProblem(refused, HttpStatusCode.ServiceUnavailable);
        Assert.Equal(HttpStatusCode.Created, retried.Status);
        Assert.False(retried.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(retried.Body, replayed.Body);
        Assert.Equal(persons + 1, await PersonRowsAsync());
    }

    private Task<ApiCall> CreateAsync(string key) =>
        IdempotentCalls.SendAsync(Host, "cases", "sophie", "{\"type\":\"homelessness\",\"person\":{\"displayName\":\"Fault Person\"}}", key);

    private Task<int> PersonRowsAsync() => IdempotentCalls.PersonRowsAsync(Azurite.ConnectionString, Host);

    /// <summary>Fails every table request whose path contains a given text, as an unreachable service would.</summary>
    private sealed class TableFaults : HttpPipelinePolicy
    {
        public volatile string? FailPathContaining;

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            ThrowIfFailing(message);
            ProcessNext(message, pipeline);
        }

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            ThrowIfFailing(message);
            return ProcessNextAsync(message, pipeline);
        }

        private void ThrowIfFailing(HttpMessage message)
        {
            if (FailPathContaining is { } part && message.Request.Uri.Path.Contains(part, StringComparison.Ordinal))
            {
                throw new HttpRequestException("Injected table fault.");
            }
        }
    }
}
