using Azure.Data.Tables;
using InclusionCases.Domain.Referrals;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.PersonFile;
using InclusionCases.Functions.Storage;

namespace InclusionCases.Functions.Referrals;

/// <summary>
/// The <c>Referrals</c> index, PartitionKey = organisation id, RowKey = <c>in|</c> or <c>out|</c>,
/// inverted creation ticks, referral id: each organisation's received and sent referrals, newest
/// first. Written by the projector from the authoritative referral rows; upserts are idempotent.
/// </summary>
public sealed class ReferralIndex(StorageAccount storage)
{
    private readonly TableClient _table = storage.Table(TableNames.Referrals);

    public async Task UpsertAsync(Referral referral, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(referral);
        await Task.WhenAll(
            _table.UpsertEntityAsync(Row(referral.ToOrganisationId, "in|", referral), TableUpdateMode.Replace, cancellationToken),
            _table.UpsertEntityAsync(Row(referral.FromOrganisationId, "out|", referral), TableUpdateMode.Replace, cancellationToken));
    }

    public async Task<(IReadOnlyList<Referral> Items, string? ContinuationToken)> ListAsync(string organisationId, ReferralDirection direction, Paging paging, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paging);
        var prefix = direction == ReferralDirection.Incoming ? "in|" : "out|";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {organisationId} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + "}"}");
        return await paging.ReadAsync(_table, filter, CaseEntities.ToReferral, cancellationToken);
    }

    private static TableEntity Row(string organisationId, string prefix, Referral referral)
    {
        // Same columns as the authoritative row, so one mapping reads both.
        var row = CaseEntities.ToEntity(referral, organisationId);
        row.RowKey = prefix + CaseRows.InvertedTicks(referral.CreatedAt) + "|" + referral.Id;
        return row;
    }
}
