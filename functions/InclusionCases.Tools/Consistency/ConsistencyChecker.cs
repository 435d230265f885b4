using Azure.Data.Tables;
using InclusionCases.Domain.Cases;
using InclusionCases.Functions.Cases;
using InclusionCases.Functions.PersonFile;
using InclusionCases.Functions.Storage;

namespace InclusionCases.Tools.Consistency;

/// <summary>
/// Walks the <c>Cases</c> table (an operator's tool, run by <c>./dev check</c> and the fault tests,
/// never on a request path) and checks that no case is half-written: each has its person, its
/// "created" timeline entry, and, unless its person still has outbox rows waiting for the
/// projector, a row in its lead organisation's index at its current version; and, once nothing waits
/// for the projector, that every breakdown equals its recount (<see cref="BreakdownRecount"/>).
/// </summary>
public sealed class ConsistencyChecker(StorageAccount storage, TimeProvider clock)
{
    private readonly BreakdownRecount _breakdowns = new(storage);
    private readonly TableClient _cases = storage.Table(TableNames.Cases);
    private readonly TableClient _index = storage.Table(TableNames.OrganisationCases);

    public async Task<ConsistencyReport> CheckAsync(CancellationToken cancellationToken)
    {
        var partitions = new Dictionary<string, List<TableEntity>>(StringComparer.Ordinal);
        await foreach (var row in _cases.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            if (!partitions.TryGetValue(row.PartitionKey, out var rows))
            {
                partitions[row.PartitionKey] = rows = [];
            }

            rows.Add(row);
        }

        var problems = new List<string>();
        var cases = 0;
        var pending = 0;
        foreach (var rows in partitions.Values)
        {
            var hasPerson = rows.Any(r => r.RowKey == CaseRows.Person);
            var outboxWaiting = rows.Any(r => r.RowKey.StartsWith(CaseRows.OutboxKind + "|", StringComparison.Ordinal));
            foreach (var row in rows.Where(r => r.RowKey.StartsWith("case|", StringComparison.Ordinal)))
            {
                cases++;
                var c = CaseEntities.ToCase(row);
                if (!hasPerson)
                {
                    problems.Add($"case {c.Id}: its person row is missing");
                }

                var timeline = rows.Where(r => r.RowKey.StartsWith(CaseRows.TimelinePrefix(c.Id), StringComparison.Ordinal)).Select(CaseEntities.ToTimelineEntry).ToList();
                if (!timeline.Any(e => e.Kind == TimelineKind.Created))
                {
                    problems.Add($"case {c.Id}: no 'created' timeline entry");
                }

                if (outboxWaiting)
                {
                    pending++;
                    continue;
                }

                var pointer = await _index.GetEntityIfExistsAsync<TableEntity>(c.LeadOrganisationId, "c|" + c.Id, cancellationToken: cancellationToken);
                if (!pointer.HasValue || pointer.Value is null)
                {
                    problems.Add($"case {c.Id}: missing from {c.LeadOrganisationId}'s case list");
                }
                else if (pointer.Value.GetInt64("Version") != c.Version)
                {
                    problems.Add($"case {c.Id}: listed at version {pointer.Value.GetInt64("Version")}, is at {c.Version}");
                }
            }

        }

        // Facts follow the projector: recounted only once it has caught up.
        if (pending == 0)
        {
            problems.AddRange(await _breakdowns.CompareAsync(partitions, Domain.Time.PlausibleDates.Today(clock.GetUtcNow()), cancellationToken));
        }

        return new ConsistencyReport(cases, pending, problems);
    }
}
