using System.Text;
using Azure.Data.Tables;
using InclusionCases.Functions.Storage;
using InclusionCases.IntegrationTests.Infrastructure;

namespace InclusionCases.IntegrationTests.Idempotency;

/// <summary>Requests with an <c>Idempotency-Key</c>, sent with exact body bytes, and a count of what they created.</summary>
internal static class IdempotentCalls
{
    public static async Task<ApiCall> SendAsync(TestHost host, string path, string login, string json, string key)
    {
        using var request = TestHost.Request(HttpMethod.Post, path, host.TokenFor(login));
        request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        using var response = await host.Client.SendAsync(request);
        return new ApiCall(response.StatusCode, response.Headers, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The persons stored in the host's tables (one <c>person</c> row each).</summary>
    public static async Task<int> PersonRowsAsync(string connectionString, TestHost host)
    {
        var count = 0;
        var table = new TableClient(connectionString, host.TablePrefix + TableNames.Cases);
        await foreach (var _ in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {"person"}"), select: ["RowKey"]))
        {
            count++;
        }

        return count;
    }
}
