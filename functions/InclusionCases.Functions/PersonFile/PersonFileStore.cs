using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using InclusionCases.Domain.Cases;
using InclusionCases.Domain.Consents;
using InclusionCases.Domain.Persons;
using InclusionCases.Domain.Referrals;
using InclusionCases.Domain.Tasks;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Localization;
using InclusionCases.Functions.Storage;

namespace InclusionCases.Functions.PersonFile;

/// <summary>
/// The authoritative store: the <c>Cases</c> table, one partition per person (PartitionKey = person
/// id; RowKeys in <see cref="CaseRows"/>). A change to a person's case, consents or referrals, its
/// timeline entries and its outbox row are written in one atomic batch, with the ETags read.
/// </summary>
public sealed class PersonFileStore(StorageAccount storage)
{
    private readonly TableClient _table = storage.Table(TableNames.Cases);

    /// <summary>The id of the change that last replaced a row (one point read).</summary>
    public async Task<string?> ChangeIdAsync(string personId, string rowKey, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(personId, rowKey, [PersonFileWriter.ChangeIdColumn], cancellationToken);
        return row.HasValue ? row.Value?.GetString(PersonFileWriter.ChangeIdColumn) : null;
    }

    /// <summary>The person's partition without timelines: one partition range query.</summary>
    public async Task<PersonPartition> LoadAsync(string personId, CancellationToken cancellationToken)
    {
        Stored<Person>? person = null;
        var personCreatedAt = DateTimeOffset.MinValue;
        var cases = new List<Stored<CaseFile>>();
        var consents = new List<Stored<Consent>>();
        var referrals = new List<Stored<Referral>>();
        var tasks = new List<Stored<FollowUpTask>>();
        Stored<ReferenceAddress>? address = null;
        var checkIns = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        var outbox = new List<string>();
        var outboxAudit = new List<Audit.AuditEntry>();
        var outboxEvents = new List<Domain.Webhooks.WebhookEvent>();
        DateTimeOffset? oldestOutboxAt = null;
        var indexed = new Dictionary<string, IReadOnlyList<string>>();
        var links = new List<Stored<PersonLink>>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {personId} and RowKey lt {CaseRows.TimelineStart}");
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var kind = e.RowKey.Split('|')[0];
            switch (kind)
            {
                case CaseRows.Person:
                    person = new(CaseEntities.ToPerson(e), e.ETag);
                    personCreatedAt = e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue;
                    break;
                case CaseRows.CaseKind:
                    cases.Add(new(CaseEntities.ToCase(e), e.ETag));
                    break;
                case CaseRows.ConsentKind:
                    consents.Add(new(CaseEntities.ToConsent(e), e.ETag));
                    break;
                case CaseRows.ReferralKind:
                    referrals.Add(new(CaseEntities.ToReferral(e), e.ETag));
                    break;
                case CaseRows.TaskKind:
                    tasks.Add(new(CaseEntities.ToTask(e), e.ETag));
                    break;
                case CaseRows.ReferenceAddress:
                    address = new(CaseEntities.ToReferenceAddress(e), e.ETag);
                    break;
                case CaseRows.CheckInKind:
                    checkIns[e.RowKey[(CaseRows.CheckInKind.Length + 1)..]] = CaseEntities.CheckInDate(e);
                    break;
                case CaseRows.OutboxKind:
                    outbox.Add(e.RowKey);
                    oldestOutboxAt = e.GetDateTimeOffset("CreatedAt") is { } createdAt && (oldestOutboxAt is null || createdAt < oldestOutboxAt) ? createdAt : oldestOutboxAt;
                    if (CaseEntities.ToOutboxAudit(e) is { } entry)
                    {
                        outboxAudit.Add(entry);
                    }

                    outboxEvents.AddRange(CaseEntities.ToOutboxEvents(e));

                    break;
                case CaseRows.LinkKind:
                    links.Add(new(CaseEntities.ToLink(e), e.ETag));
                    break;
                case CaseRows.IndexKind:
                    indexed[CaseRows.CaseOfIndexState(e.RowKey)] = JsonSerializer.Deserialize<string[]>(e.GetString("Organisations")) ?? [];
                    break;
                default:
                    break;
            }
        }

        return new PersonPartition(personId, person, cases, consents, referrals, tasks, address, checkIns, outbox, outboxAudit, outboxEvents, indexed, personCreatedAt, oldestOutboxAt) { Links = links };
    }

    /// <summary>A page of a case's timeline, newest first, without other organisations' private notes.</summary>
    public async Task<(IReadOnlyList<TimelineEntry> Items, string? ContinuationToken)> TimelineAsync(
        string personId, string caseId, string callerOrganisationId, Paging paging, CancellationToken cancellationToken)
    {
        var prefix = CaseRows.TimelinePrefix(caseId);
        var end = prefix[..^1] + "}";
        // The filter keeps pages full; the service still applies AccessPolicy.CanSeeNote to every entry.
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {personId} and RowKey ge {prefix} and RowKey lt {end} and (OrganisationOnly eq {false} or ActorOrganisationId eq {callerOrganisationId})");
        var pages = _table.QueryAsync<TableEntity>(filter, maxPerPage: paging.Limit, cancellationToken: cancellationToken).AsPages(paging.ContinuationToken, paging.Limit);
        await foreach (var page in pages)
        {
            return ([.. page.Values.Select(CaseEntities.ToTimelineEntry)], page.ContinuationToken);
        }

        return ([], null);
    }

    /// <summary>Every timeline entry of a case, of every visibility (for the GDPR export and erasure).</summary>
    public async Task<IReadOnlyList<Stored<TimelineEntry>>> AllTimelineAsync(string personId, string caseId, CancellationToken cancellationToken)
    {
        var prefix = CaseRows.TimelinePrefix(caseId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {personId} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + "}"}");
        var entries = new List<Stored<TimelineEntry>>();
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            entries.Add(new(CaseEntities.ToTimelineEntry(e), e.ETag));
        }

        return entries;
    }

    /// <summary>Writes the actions atomically. A stale ETag is a 412; an id already taken a 409.</summary>
    public async Task SubmitAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        try
        {
            await _table.SubmitTransactionAsync(actions, cancellationToken);
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 412 or 404)
        {
            throw new ApiProblemException(ProblemTypes.PreconditionFailed, ApiText.RecordChanged);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            throw ApiProblemException.Conflict(ApiText.RecordExists);
        }
    }

    public async Task DeleteOutboxAsync(string personId, IEnumerable<string> rowKeys, CancellationToken cancellationToken)
    {
        foreach (var rowKey in rowKeys)
        {
            try
            {
                await _table.DeleteEntityAsync(personId, rowKey, ETag.All, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // Already deleted by an earlier run of the projector: nothing to do.
            }
        }
    }

    public async Task SetIndexedOrganisationsAsync(string personId, string caseId, IReadOnlyList<string> organisations, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(personId, CaseRows.IndexState(caseId)) { ["Organisations"] = JsonSerializer.Serialize(organisations) };
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }
}
