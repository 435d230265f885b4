using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using InclusionCases.Domain.Cases;
using InclusionCases.Functions.Storage;

namespace InclusionCases.Functions.Reports;

/// <summary>
/// Maintains the report counters. The case projector upserts one fact row per case in the month
/// partition it belongs to (idempotent); contact intake records which organisations have contacts in
/// a month (the contacts themselves are counted from each organisation's time-ordered list); both
/// mark the month dirty; the <c>RollupReports</c> timer recomputes each dirty month's rollup from
/// those rows, then clears the mark under the ETag it read, so a month marked again meanwhile is
/// recomputed at the next tick and no fact is missed. Recomputing once per month per tick, instead
/// of once per write, keeps concurrent intake from fighting over one row. Reports read rollups only: one partition, one row per month.
/// </summary>
public sealed class ReportCounters(StorageAccount storage, Contacts.ContactStore contacts)
{
    private const string CasesKind = "cases";
    private const string ContactsKind = "contacts";
    private const string DirtyPartition = "dirty";
    private readonly TableClient _facts = storage.Table(TableNames.ReportFacts);
    private readonly TableClient _rollups = storage.Table(TableNames.ReportRollups);

    public async Task RecordCaseAsync(CaseFile c, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(c);
        var month = MonthKeys.Of(c.CreatedAt);
        var row = new TableEntity($"{CasesKind}|{month}", c.Id)
        {
            ["Type"] = c.Type.ToString(),
            ["Status"] = c.Status.ToString(),
            ["IntakeOn"] = DateOnly.FromDateTime(c.CreatedAt.UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["MoveInDate"] = c.Housing?.MoveInDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["StillHoused"] = c.Status == CaseStatus.Housed && c.Housing?.TenancyStatus != TenancyStatus.Ended,
        };
        await _facts.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
        await MarkDirtyAsync(CasesKind, month, cancellationToken);
    }

    /// <summary>
    /// Notes that the organisation has contacts observed in these months (one small row per month and
    /// organisation, not one per contact): the rollup counts them from the organisation's own contact
    /// list, which is already ordered by time. Written before the contacts are stored.
    /// </summary>
    public Task RecordContactMonthsAsync(string organisationId, IEnumerable<string> months, CancellationToken cancellationToken) =>
        Task.WhenAll(months.Distinct().Select(month =>
            _facts.UpsertEntityAsync(new TableEntity($"{ContactsKind}|{month}", organisationId), TableUpdateMode.Replace, cancellationToken)));

    /// <summary>The organisations with contacts observed in <paramref name="month"/> (noted before the contacts are stored).</summary>
    public async Task<IReadOnlyList<string>> OrganisationsWithContactsAsync(string month, CancellationToken cancellationToken)
    {
        var organisations = new List<string>();
        await foreach (var row in _facts.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {ContactsKind + "|" + month}"), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            organisations.Add(row.RowKey);
        }

        return organisations;
    }

    /// <summary>Marks the months for recounting; written after the contacts are stored, so no recount can miss them.</summary>
    public Task MarkContactMonthsAsync(IEnumerable<string> months, CancellationToken cancellationToken) =>
        Task.WhenAll(months.Distinct().Select(month => MarkDirtyAsync(ContactsKind, month, cancellationToken)));

    /// <summary>Recomputes every month marked dirty; returns how many.</summary>
    public async Task<int> RecomputeDirtyAsync(CancellationToken cancellationToken)
    {
        var recomputed = 0;
        await foreach (var mark in _rollups.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {DirtyPartition}"), cancellationToken: cancellationToken))
        {
            var (kind, month) = (mark.RowKey.Split('|')[0], mark.RowKey.Split('|')[1]);
            await RecomputeAsync(kind, month, cancellationToken);
            recomputed++;
            try
            {
                await _rollups.DeleteEntityAsync(DirtyPartition, mark.RowKey, mark.ETag, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412)
            {
                // Marked again while recomputing: the next tick recomputes it once more.
            }
        }

        return recomputed;
    }

    /// <summary>How many months wait for their rollup (0 once reports show every fact).</summary>
    public async Task<int> PendingAsync(CancellationToken cancellationToken)
    {
        var pending = 0;
        await foreach (var _ in _rollups.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {DirtyPartition}"), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            pending++;
        }

        return pending;
    }

    private async Task MarkDirtyAsync(string kind, string month, CancellationToken cancellationToken) =>
        await _rollups.UpsertEntityAsync(new TableEntity(DirtyPartition, kind + "|" + month) { ["MarkedAt"] = DateTimeOffset.UtcNow }, TableUpdateMode.Replace, cancellationToken);

    /// <summary>The rollups of the months from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public async Task<(IReadOnlyList<MonthlyRollup> Cases, IReadOnlyList<MonthlyRollup> Contacts)> ReadAsync(string from, string to, CancellationToken cancellationToken) =>
        (await ReadKindAsync(CasesKind, from, to, cancellationToken), await ReadKindAsync(ContactsKind, from, to, cancellationToken));

    /// <summary>The case rollups of every month up to <paramref name="to"/>: cases opened earlier may move in later.</summary>
    public Task<IReadOnlyList<MonthlyRollup>> ReadCasesUpToAsync(string to, CancellationToken cancellationToken) => ReadKindAsync(CasesKind, "0000-00", to, cancellationToken);

    private async Task<IReadOnlyList<MonthlyRollup>> ReadKindAsync(string kind, string from, string to, CancellationToken cancellationToken)
    {
        var rollups = new List<MonthlyRollup>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {kind} and RowKey ge {from} and RowKey le {to}");
        await foreach (var row in _rollups.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            rollups.Add(JsonSerializer.Deserialize<MonthlyRollup>(row.GetString("Counts"))!);
        }

        return rollups;
    }

    private async Task RecomputeAsync(string kind, string month, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var current = await _rollups.GetEntityIfExistsAsync<TableEntity>(kind, month, cancellationToken: cancellationToken);
            var rollup = kind == CasesKind ? await CaseRollupAsync(month, cancellationToken) : await ContactRollupAsync(month, cancellationToken);
            var row = new TableEntity(kind, month) { ["Counts"] = JsonSerializer.Serialize(rollup) };
            try
            {
                if (current.HasValue && current.Value is { } existing)
                {
                    await _rollups.UpdateEntityAsync(row, existing.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await _rollups.AddEntityAsync(row, cancellationToken);
                }

                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Someone recomputed this month meanwhile: read again, so no fact is missed.
            }
        }

        throw new InvalidOperationException($"The {kind} counters of {month} kept changing; the message will be retried.");
    }

    private async Task<MonthlyRollup> CaseRollupAsync(string month, CancellationToken cancellationToken)
    {
        var rollup = new MonthlyRollup();
        await foreach (var f in _facts.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {CasesKind + "|" + month}"), cancellationToken: cancellationToken))
        {
            var cell = f.GetString("Type") + "|" + f.GetString("Status");
            rollup.Cells[cell] = rollup.Cells.GetValueOrDefault(cell) + 1;
            if (f.GetString("MoveInDate") is { } moveIn)
            {
                var moveInDate = DateOnly.ParseExact(moveIn, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                var cohortKey = moveIn[..7];
                if (!rollup.Housed.TryGetValue(cohortKey, out var cohort))
                {
                    rollup.Housed[cohortKey] = cohort = new HousedCohort();
                }

                cohort.Total++;
                cohort.StillHoused += f.GetBoolean("StillHoused") == true ? 1 : 0;
                var days = Math.Max(0, moveInDate.DayNumber - DateOnly.ParseExact(f.GetString("IntakeOn"), "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber);
                cohort.Days[days] = cohort.Days.GetValueOrDefault(days) + 1;
            }
        }

        return rollup;
    }

    private async Task<MonthlyRollup> ContactRollupAsync(string month, CancellationToken cancellationToken)
    {
        var zones = new Dictionary<string, int>();
        var needs = new Dictionary<string, int>();
        var total = 0;
        var first = MonthKeys.Start(month);
        await foreach (var organisation in _facts.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {ContactsKind + "|" + month}"), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            await foreach (var stored in contacts.ObservedAsync(organisation.RowKey, first, first.AddMonths(1).AddTicks(-1), cancellationToken))
            {
                total++;
                var zone = stored.Contact.Zone;
                zones[zone] = zones.GetValueOrDefault(zone) + 1;
                foreach (var need in stored.Contact.Needs.Select(n => JsonNamingPolicy.CamelCase.ConvertName(n.ToString())))
                {
                    needs[need] = needs.GetValueOrDefault(need) + 1;
                }
            }
        }

        return new MonthlyRollup { Zones = zones, Needs = needs, Contacts = total };
    }
}
