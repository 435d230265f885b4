using Azure;
using Azure.Data.Tables;
using InclusionCases.Domain.Identity;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Storage;

namespace InclusionCases.Functions.Identity;

/// <summary>
/// Membership rows. The authoritative one is in <c>Memberships</c>: PartitionKey = the user's or
/// application's <c>oid</c>, RowKey = <c>membership</c>, so resolving a caller is one point read and a
/// user belongs to one organisation at most. The <c>OrganisationMembers</c> index (PartitionKey =
/// organisation id, RowKey = oid) lists an organisation's members without a scan. The two rows are in
/// different tables, so no write covers both: a grant writes the index row first and the membership
/// last, an end deletes the membership first and the index row last, and the list shows an index row
/// only while the membership row agrees. A failure between the two writes therefore never lets someone
/// act who is not listed, nor lists someone who may no longer act.
/// </summary>
public sealed class MembershipRepository(StorageAccount storage) : IMembershipReader
{
    private const string RowKey = "membership";
    private readonly TableClient _table = storage.Table(TableNames.Memberships);
    private readonly TableClient _members = storage.Table(TableNames.OrganisationMembers);

    public async Task<Membership?> FindAsync(string userId, CancellationToken cancellationToken)
    {
        if (!TableKeys.IsValid(userId))
        {
            return null;
        }

        var row = await _table.GetEntityIfExistsAsync<TableEntity>(userId, RowKey, cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } entity ? Read(userId, entity) : null;
    }

    /// <summary>Writes the membership (its index row, then itself), replacing what its user had.</summary>
    public async Task SaveAsync(Membership membership, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(membership);
        await _members.UpsertEntityAsync(ToIndexEntity(membership), TableUpdateMode.Replace, cancellationToken);
        await _table.UpsertEntityAsync(ToEntity(membership), TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Writes the membership only if its user has none yet; false when one exists (whatever it says).</summary>
    public async Task<bool> TryAddAsync(Membership membership, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(membership);
        await _members.UpsertEntityAsync(ToIndexEntity(membership), TableUpdateMode.Replace, cancellationToken);
        try
        {
            await _table.AddEntityAsync(ToEntity(membership), cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // The user belongs somewhere already: the index row just written must not outlive this answer
            // unless it describes that membership.
            if ((await FindAsync(membership.UserId, cancellationToken))?.OrganisationId != membership.OrganisationId)
            {
                await _members.DeleteEntityAsync(membership.OrganisationId, membership.UserId, cancellationToken: cancellationToken);
            }

            return false;
        }
    }

    /// <summary>Ends the user's membership of <paramref name="organisationId"/>: false when they are not a member of it.</summary>
    public async Task<bool> RemoveAsync(string organisationId, string userId, CancellationToken cancellationToken)
    {
        if (!TableKeys.IsValid(userId) || !TableKeys.IsValid(organisationId))
        {
            return false;
        }

        var row = await _table.GetEntityIfExistsAsync<TableEntity>(userId, RowKey, cancellationToken: cancellationToken);
        if (!row.HasValue || row.Value is not { } entity || entity.GetString("OrganisationId") != organisationId)
        {
            return false;
        }

        try
        {
            // Only the row read: a move to another organisation made meanwhile is not undone.
            await _table.DeleteEntityAsync(userId, RowKey, entity.ETag, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return false;
        }

        await _members.DeleteEntityAsync(organisationId, userId, cancellationToken: cancellationToken);
        return true;
    }

    /// <summary>A page of an organisation's members by oid, from its index partition, each checked against its membership row.</summary>
    public async Task<(IReadOnlyList<Membership> Items, string? ContinuationToken)> ListAsync(string organisationId, Paging paging, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paging);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {organisationId}");
        await foreach (var page in _members.QueryAsync<TableEntity>(filter, maxPerPage: paging.Limit, cancellationToken: cancellationToken).AsPages(paging.ContinuationToken, paging.Limit))
        {
            var current = await Task.WhenAll(page.Values.Select(e => FindAsync(e.RowKey, cancellationToken)));
            return ([.. current.Where(m => m?.OrganisationId == organisationId).Select(m => m!)], page.ContinuationToken);
        }

        return ([], null);
    }

    private static Membership Read(string userId, TableEntity entity) => new(userId, entity.GetString("OrganisationId"), entity.GetString("DisplayName") ?? string.Empty)
    {
        Since = entity.GetDateTimeOffset("Since"),
        ValidUntil = entity.GetDateTimeOffset("ValidUntil"),
    };

    private static TableEntity ToEntity(Membership membership) => new(membership.UserId, RowKey)
    {
        ["OrganisationId"] = membership.OrganisationId,
        ["DisplayName"] = membership.DisplayName,
        ["Since"] = membership.Since,
        ["ValidUntil"] = membership.ValidUntil,
    };

    // Only the keys: what the list shows is read from the membership row itself.
    private static TableEntity ToIndexEntity(Membership membership) => new(membership.OrganisationId, membership.UserId);
}
