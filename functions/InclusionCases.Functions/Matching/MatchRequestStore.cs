using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using InclusionCases.Domain.Matching;
using InclusionCases.Domain.Persons;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Matching.Contracts;
using InclusionCases.Functions.Storage;

namespace InclusionCases.Functions.Matching;

/// <summary>
/// Match requests in the <c>MatchRequests</c> table, PartitionKey = the organisation they belong to:
/// RowKey <c>out|{id}</c> for its own calls, <c>in|{id}</c> for those sent to it as a holder. Ids sort
/// newest first (<see cref="MatchRequestIds"/>), so each direction is one newest-first range. Each
/// incoming request is also listed under its holder's person (PartitionKey <c>person|{person id}</c>,
/// RowKey <c>{holder}|{id}</c>), so an erasure finds the requests that name the person.
/// </summary>
public sealed class MatchRequestStore(StorageAccount storage)
{
    private const string Outgoing = "out|";
    private const string Incoming = "in|";
    private static readonly MatchFields ErasedFields = new(Domain.Persons.Person.ErasedText, [], null, null, null, []);
    private readonly TableClient _table = storage.Table(TableNames.MatchRequests);

    /// <summary>
    /// Records the caller's call (an add; a retry that meets its own row is done), after a pointer under
    /// each person it was answered, whom the fields describe, so an erasure finds the call.
    /// </summary>
    public async Task AddOutgoingAsync(MatchCallMessage call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        await Task.WhenAll(call.Answered.Select(personId => PointAsync(personId, $"{Outgoing}{call.OrganisationId}|{call.RequestId}", cancellationToken)));
        await AddAsync(call.OrganisationId, Outgoing, new MatchRequestRecord(call.RequestId, call.OrganisationId, call.At, call.Fields, MatchRequestStatus.Pending, null, null, null, null, null, null), cancellationToken);
    }

    /// <summary>Records a request sent to <paramref name="holderOrganisationId"/>; one already there is left as it is.</summary>
    public async Task AddIncomingAsync(string holderOrganisationId, MatchRequestRecord request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // The pointer first: an erasure that runs in between finds the request it must scrub.
        await PointAsync(request.PersonId!, $"{Incoming}{holderOrganisationId}|{request.Id}", cancellationToken);
        await AddAsync(holderOrganisationId, Incoming, request, cancellationToken);
    }

    /// <summary>
    /// Replaces the fields of every request that describes the person with nothing: the holders' copies of
    /// calls that matched the person, and the callers' own rows of calls the person was answered to. Who
    /// asked about whom stays, not what they knew. Each row is rewritten under the ETag read, so an answer
    /// landing at once is kept.
    /// </summary>
    public async Task EraseFieldsAsync(string personId, CancellationToken cancellationToken)
    {
        await foreach (var pointer in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {PersonPartition(personId)}"), cancellationToken: cancellationToken))
        {
            var parts = pointer.RowKey.Split('|', 3);
            if (parts.Length != 3)
            {
                continue;
            }

            // The requester's own call about a person held elsewhere stays as it was: scrubbing it would tell
            // the requester that someone held a match.
            await EraseRowAsync(parts[1], parts[0] + "|" + parts[2], cancellationToken);
        }
    }

    public async Task<(IReadOnlyList<MatchRequestRecord> Items, string? ContinuationToken)> PageAsync(string organisationId, MatchRequestDirection direction, Paging paging, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paging);
        var prefix = direction == MatchRequestDirection.Incoming ? Incoming : Outgoing;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {organisationId} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + "}"}");
        return await paging.ReadAsync(_table, filter, ToRecord, cancellationToken);
    }

    /// <summary>A request sent to the organisation as a holder, with its ETag; null when there is none.</summary>
    public async Task<(MatchRequestRecord Request, ETag ETag)?> GetIncomingAsync(string organisationId, string id, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(organisationId, Incoming + id, cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } e ? (ToRecord(e), e.ETag) : null;
    }

    /// <summary>Stores the holder's answer under the ETag read (a 412 if another answer came first).</summary>
    public async Task AnswerAsync(string organisationId, MatchRequestRecord answered, ETag etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answered);
        try
        {
            await _table.UpdateEntityAsync(ToEntity(organisationId, Incoming, answered), etag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            throw new ApiProblemException(ProblemTypes.PreconditionFailed, Localization.ApiText.RecordChanged);
        }
    }

    private static string PersonPartition(string personId) => "person|" + personId;

    private async Task PointAsync(string personId, string rowKey, CancellationToken cancellationToken) =>
        await _table.UpsertEntityAsync(new TableEntity(PersonPartition(personId), rowKey), TableUpdateMode.Replace, cancellationToken);

    private async Task EraseRowAsync(string organisationId, string rowKey, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var row = await _table.GetEntityIfExistsAsync<TableEntity>(organisationId, rowKey, cancellationToken: cancellationToken);
            if (!row.HasValue || row.Value is not { } e)
            {
                return;
            }

            var record = ToRecord(e);
            if (record.Fields is { DisplayName: Domain.Persons.Person.ErasedText, Aliases.Count: 0, BirthYear: null, Gender: null, Zone: null, Identifiers.Count: 0 })
            {
                return;
            }

            try
            {
                await _table.UpdateEntityAsync(ToEntity(organisationId, rowKey[..(rowKey.IndexOf('|') + 1)], record with { Fields = ErasedFields, Reasons = record.Reasons is null ? null : [] }), e.ETag, TableUpdateMode.Replace, cancellationToken);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                // Answered meanwhile: read it again and keep the answer.
            }
        }

        // Never reported as done with the fields still there: the erasure fails, and is called again.
        throw ApiProblemException.Conflict(Localization.ApiText.RecordChanged);
    }

    private async Task AddAsync(string organisationId, string prefix, MatchRequestRecord request, CancellationToken cancellationToken)
    {
        try
        {
            await _table.AddEntityAsync(ToEntity(organisationId, prefix, request), cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Already recorded by an earlier run.
        }
    }

    private static TableEntity ToEntity(string organisationId, string prefix, MatchRequestRecord r) => new(organisationId, prefix + r.Id)
    {
        ["RequestedBy"] = r.RequestedBy,
        ["RequestedAt"] = r.RequestedAt,
        ["DisplayName"] = r.Fields.DisplayName,
        ["Aliases"] = JsonSerializer.Serialize(r.Fields.Aliases),
        ["BirthYear"] = r.Fields.BirthYear,
        ["Gender"] = r.Fields.Gender?.ToString(),
        ["Zone"] = r.Fields.Zone,
        ["IdentifierSchemes"] = JsonSerializer.Serialize(r.Fields.Identifiers.Select(s => s.ToString())),
        ["Status"] = r.Status.ToString(),
        ["PersonId"] = r.PersonId,
        ["Score"] = r.Score,
        ["Reasons"] = r.Reasons is null ? null : JsonSerializer.Serialize(r.Reasons),
        ["ReferralId"] = r.ReferralId,
        ["AnsweredBy"] = r.AnsweredBy,
        ["AnsweredAt"] = r.AnsweredAt,
    };

    private static MatchRequestRecord ToRecord(TableEntity e) => new(
        e.RowKey[(e.RowKey.IndexOf('|') + 1)..],
        e.GetString("RequestedBy"),
        e.GetDateTimeOffset("RequestedAt")!.Value,
        new MatchFields(
            e.GetString("DisplayName"),
            JsonSerializer.Deserialize<string[]>(e.GetString("Aliases") ?? "[]") ?? [],
            e.GetInt32("BirthYear"),
            Enum.TryParse<Gender>(e.GetString("Gender"), out var gender) ? gender : null,
            e.GetString("Zone"),
            [.. (JsonSerializer.Deserialize<string[]>(e.GetString("IdentifierSchemes") ?? "[]") ?? []).Select(Enum.Parse<IdentifierScheme>)]),
        Enum.Parse<MatchRequestStatus>(e.GetString("Status")),
        e.GetString("PersonId"),
        e.GetDouble("Score"),
        e.GetString("Reasons") is { } reasons ? JsonSerializer.Deserialize<string[]>(reasons) : null,
        e.GetString("ReferralId"),
        e.GetString("AnsweredBy"),
        e.GetDateTimeOffset("AnsweredAt"));
}
