using Azure;
using Azure.Data.Tables;
using InclusionCases.Domain.Referrals;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.PersonFile;
using InclusionCases.Functions.Storage;

namespace InclusionCases.Functions.Referrals;

/// <summary>
/// The <c>Referrals</c> index, PartitionKey = organisation id, RowKey = <c>in|</c> or <c>out|</c>,
/// inverted creation ticks, referral id: each organisation's received and sent referrals, newest
/// first. Every pending referral also has a row in the partition <see cref="PendingPartition"/>
/// (RowKey creation ticks, referral id; it holds the person id), so the expiry job reads the oldest
/// pending referrals with one range read. Written by the projector from the authoritative referral
/// rows, without their free text (reason, note, outcome); every write is idempotent.
/// </summary>
public sealed class ReferralIndex(StorageAccount storage)
{
    /// <summary>The partition of every pending referral; '|' is never part of an organisation id.</summary>
    public const string PendingPartition = "pending|";

    private readonly TableClient _table = storage.Table(TableNames.Referrals);

    public async Task UpsertAsync(Referral referral, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(referral);
        var personId = RecordIds.PersonOfReferral(referral.Id)!;
        var pending = referral.Status == ReferralStatus.Pending
            ? _table.UpsertEntityAsync(new TableEntity(PendingPartition, PendingRowKey(referral)) { ["PersonId"] = personId, ["ReferralId"] = referral.Id }, TableUpdateMode.Replace, cancellationToken)
            : _table.DeleteEntityAsync(PendingPartition, PendingRowKey(referral), ETag.All, cancellationToken); // the SDK answers a row already gone without throwing
        await Task.WhenAll(
            _table.UpsertEntityAsync(Row(referral.ToOrganisationId, "in|", referral), TableUpdateMode.Replace, cancellationToken),
            _table.UpsertEntityAsync(Row(referral.FromOrganisationId, "out|", referral), TableUpdateMode.Replace, cancellationToken),
            pending);
    }

    /// <summary>The referrals still listed as pending that were made before <paramref name="before"/>, oldest first (person id, referral id, and the row's key).</summary>
    public async Task<IReadOnlyList<(string PersonId, string ReferralId, string RowKey)>> PendingMadeBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var rows = new List<(string, string, string)>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PendingPartition} and RowKey lt {Ticks(before)}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["RowKey", "PersonId", "ReferralId"], cancellationToken: cancellationToken))
        {
            rows.Add((row.GetString("PersonId"), row.GetString("ReferralId"), row.RowKey));
        }

        return rows;
    }

    /// <summary>Drops a pending row whose referral is no longer pending, or no longer exists.</summary>
    public async Task RemovePendingAsync(string rowKey, CancellationToken cancellationToken) =>
        await _table.DeleteEntityAsync(PendingPartition, rowKey, ETag.All, cancellationToken);

    public async Task<(IReadOnlyList<Referral> Items, string? ContinuationToken)> ListAsync(string organisationId, ReferralDirection direction, Paging paging, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paging);
        var prefix = direction == ReferralDirection.Incoming ? "in|" : "out|";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {organisationId} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + "}"}");
        return await paging.ReadAsync(_table, filter, CaseEntities.ToReferral, cancellationToken);
    }

    private static string PendingRowKey(Referral referral) => Ticks(referral.CreatedAt) + "|" + referral.Id;

    private static string Ticks(DateTimeOffset at) => at.UtcTicks.ToString("D19", System.Globalization.CultureInfo.InvariantCulture);

    private static TableEntity Row(string organisationId, string prefix, Referral referral)
    {
        // Same columns as the authoritative row, so one mapping reads both; but no free text: lists read
        // the referral from the person's file, so what people wrote is kept in one place only.
        var row = CaseEntities.ToEntity(referral with { Reason = string.Empty, Note = null, Outcome = null }, organisationId);
        row.RowKey = prefix + CaseRows.InvertedTicks(referral.CreatedAt) + "|" + referral.Id;
        return row;
    }
}
