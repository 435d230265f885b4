using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using InclusionCases.Domain.Reports;
using InclusionCases.Functions.Storage;

namespace InclusionCases.Functions.Reports;

/// <summary>The night counts, in <c>ReportFacts</c> under PartitionKey <c>counts</c>, one row per count (its window and zones; no tallies, which come from the contacts).</summary>
public sealed class NightCounts(StorageAccount storage)
{
    private const string Partition = "counts";
    private readonly TableClient _facts = storage.Table(TableNames.ReportFacts);

    public Task AddAsync(NightCount count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(count);
        return _facts.AddEntityAsync(
            new TableEntity(Partition, count.Id)
            {
                ["Night"] = count.Night.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["From"] = count.From.ToString("HH:mm", CultureInfo.InvariantCulture),
                ["To"] = count.To.ToString("HH:mm", CultureInfo.InvariantCulture),
                ["Zones"] = JsonSerializer.Serialize(count.Zones),
                ["OpenedBy"] = count.OpenedBy,
                ["OrganisationId"] = count.OrganisationId,
                ["OpenedAt"] = count.OpenedAt,
            },
            cancellationToken);
    }

    /// <summary>The count, or null when there is none under <paramref name="id"/>.</summary>
    public async Task<NightCount?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var row = await _facts.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } e
            ? new NightCount(
                id,
                DateOnly.ParseExact(e.GetString("Night"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                TimeOnly.ParseExact(e.GetString("From"), "HH:mm", CultureInfo.InvariantCulture),
                TimeOnly.ParseExact(e.GetString("To"), "HH:mm", CultureInfo.InvariantCulture),
                JsonSerializer.Deserialize<List<string>>(e.GetString("Zones")) ?? [],
                e.GetString("OpenedBy"),
                e.GetString("OrganisationId"),
                e.GetDateTimeOffset("OpenedAt")!.Value)
            : null;
    }
}
