using Azure.Data.Tables;
using InclusionCases.Functions.Storage;

namespace InclusionCases.IntegrationTests.Infrastructure;

/// <summary>What requests write directly, counted, so a test can show a refused request wrote nothing.</summary>
internal static class AuthoritativeRows
{
    // Projector bookkeeping (outbox and index rows) is left out: it runs on its own time.
    public static async Task<string> CountAsync(string connectionString, TestHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var cases = 0;
        await foreach (var row in new TableClient(connectionString, host.TablePrefix + TableNames.Cases).QueryAsync<TableEntity>(select: ["RowKey"]))
        {
            cases += row.RowKey.StartsWith("outbox|", StringComparison.Ordinal) || row.RowKey.StartsWith("index|", StringComparison.Ordinal) ? 0 : 1;
        }

        var contacts = 0;
        await foreach (var _ in new TableClient(connectionString, host.TablePrefix + TableNames.Contacts).QueryAsync<TableEntity>(select: ["RowKey"]))
        {
            contacts++;
        }

        return $"cases rows {cases}, contacts rows {contacts}";
    }
}
