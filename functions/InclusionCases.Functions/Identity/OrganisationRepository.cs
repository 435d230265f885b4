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
        var entity = new TableEntity(organisation.Id, RowKey)
        {
            ["Name"] = organisation.Name,
            ["Kind"] = organisation.Kind.ToString(),
        };
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }
}
