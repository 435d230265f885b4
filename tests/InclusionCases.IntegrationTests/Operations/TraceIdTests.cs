using InclusionCases.IntegrationTests.Infrastructure;

namespace InclusionCases.IntegrationTests.Operations;

/// <summary>The trace id a problem quotes is the request's W3C trace id, so support can find a partner's request.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class TraceIdTests(AzuriteFixture azurite) : HostedTest(azurite)
{
    [Fact]
    public async Task RequestWithTraceparent_ProblemQuotesThatTraceId()
    {
        const string traceId = "0af7651916cd43dd8448eb211c80319c";
        using var request = TestHost.Request(HttpMethod.Get, "cases/not-a-case", Host.TokenFor("sophie"));
        request.Headers.Add("traceparent", $"00-{traceId}-b7ad6b7169203331-01");

        using var response = await Host.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(traceId, System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("traceId").GetString());
    }

    [Fact]
    public async Task RequestWithoutTraceparent_ProblemQuotesAW3CTraceId()
    {
        var call = await Call(HttpMethod.Get, "cases/not-a-case", "sophie");

        Assert.Matches("^[0-9a-f]{32}$", call.Field("traceId"));
    }
}
