using Azure;
using Azure.Data.Tables;
using InclusionCases.Domain.Identity;
using InclusionCases.Functions.Storage;

namespace InclusionCases.Functions.Identity;

/// <summary>
/// The <c>Memberships</c> table: one row per user or application, PartitionKey = its <c>oid</c>,
/// RowKey = <c>membership</c>, so resolving a caller is one point read.
/// </summary>
public sealed class MembershipRepository(StorageAccount storage) : IMembershipReader
{
    private const string RowKey = "membership";
    private readonly TableClient _table = storage.Table(TableNames.Memberships);

    public async Task<Membership?> FindAsync(string userId, CancellationToken cancellationToken)
    {
        if (!TableKeys.IsValid(userId))
        {
            return null;
        }

        var row = await _table.GetEntityIfExistsAsync<TableEntity>(userId, RowKey, cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } entity
            ? new Membership(userId, entity.GetString("OrganisationId"), entity.GetString("DisplayName") ?? string.Empty)
            : null;
    }

    public async Task UpsertAsync(Membership membership, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(membership);
        await _table.UpsertEntityAsync(ToEntity(membership), TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Writes the membership only if its user has none yet; false when one exists (whatever it says).</summary>
    public async Task<bool> TryAddAsync(Membership membership, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(membership);
        try
        {
            await _table.AddEntityAsync(ToEntity(membership), cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    private static TableEntity ToEntity(Membership membership) => new(membership.UserId, RowKey)
    {
        ["OrganisationId"] = membership.OrganisationId,
        ["DisplayName"] = membership.DisplayName,
    };
}
