using Azure.Data.Tables;
using InclusionCases.Functions.Storage;

namespace InclusionCases.IntegrationTests.Infrastructure;

/// <summary>What requests write directly, counted, so a test can show a refused request wrote nothing.</summary>
internal static class AuthoritativeRows
{
    // What the projector writes on its own time is left out: its bookkeeping (outbox and index rows)
    // and the tasks it derives (a task a worker writes has kind Custom and counts).
    public static async Task<string> CountAsync(string connectionString, TestHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var cases = 0;
        await foreach (var row in new TableClient(connectionString, host.TablePrefix + TableNames.Cases).QueryAsync<TableEntity>(select: ["RowKey", "Kind"]))
        {
            var derivedTask = row.RowKey.StartsWith("task|", StringComparison.Ordinal) && row.GetString("Kind") != "Custom";
            cases += row.RowKey.StartsWith("outbox|", StringComparison.Ordinal) || row.RowKey.StartsWith("index|", StringComparison.Ordinal) || derivedTask ? 0 : 1;
        }

        var contacts = 0;
        await foreach (var _ in new TableClient(connectionString, host.TablePrefix + TableNames.Contacts).QueryAsync<TableEntity>(select: ["RowKey"]))
        {
            contacts++;
        }

        // The directory, memberships and subscriptions are small: every row's version counts, so a change in place shows too.
        var versions = new List<string>();
        foreach (var table in new[] { TableNames.Organisations, TableNames.Memberships, TableNames.OrganisationMembers, TableNames.Subscriptions })
        {
            await foreach (var row in new TableClient(connectionString, host.TablePrefix + table).QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
            {
                versions.Add($"{table}/{row.PartitionKey}/{row.RowKey}/{row.ETag}");
            }
        }

        // Match calls: the caller's own requests and its count of calls (incoming requests are the queue's, written on its own time).
        await foreach (var row in new TableClient(connectionString, host.TablePrefix + TableNames.MatchRequests).QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
        {
            if (!row.RowKey.StartsWith("in|", StringComparison.Ordinal))
            {
                versions.Add($"{TableNames.MatchRequests}/{row.PartitionKey}/{row.RowKey}/{row.ETag}");
            }
        }

        versions.Sort(StringComparer.Ordinal);
        var directory = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', versions))))[..16];
        return $"cases rows {cases}, contacts rows {contacts}, directory, memberships, subscriptions and match calls {directory}";
    }
}
