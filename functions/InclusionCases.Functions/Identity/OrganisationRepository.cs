using Azure;
using Azure.Data.Tables;
using InclusionCases.Domain.Identity;
using InclusionCases.Functions.Storage;

namespace InclusionCases.Functions.Identity;

/// <summary>The <c>Organisations</c> table: PartitionKey = organisation id, RowKey = <c>organisation</c>.</summary>
public sealed class OrganisationRepository(StorageAccount storage)
{
    private const string RowKey = "organisation";
    private readonly TableClient _table = storage.Table(TableNames.Organisations);

    public async Task<Organisation?> FindAsync(string organisationId, CancellationToken cancellationToken)
    {
        if (!TableKeys.IsValid(organisationId))
        {
            return null;
        }

        var row = await _table.GetEntityIfExistsAsync<TableEntity>(organisationId, RowKey, cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } entity
            ? new Organisation(organisationId, entity.GetString("Name"), Enum.Parse<OrganisationKind>(entity.GetString("Kind")))
            : null;
    }

    public async Task UpsertAsync(Organisation organisation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        await _table.UpsertEntityAsync(ToEntity(organisation), TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Writes the organisation only if its id is not taken yet; false when a row exists (whatever it says).</summary>
    public async Task<bool> TryAddAsync(Organisation organisation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        try
        {
            await _table.AddEntityAsync(ToEntity(organisation), cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    private static TableEntity ToEntity(Organisation organisation) => new(organisation.Id, RowKey)
    {
        ["Name"] = organisation.Name,
        ["Kind"] = organisation.Kind.ToString(),
    };
}
