using Azure.Data.Tables;
using InclusionCases.Domain.Persons;
using InclusionCases.Domain.Reports;
using InclusionCases.Functions.Contacts;
using InclusionCases.Functions.PersonFile;
using InclusionCases.Functions.Reports;
using InclusionCases.Functions.Storage;

namespace InclusionCases.Tools.Consistency;

/// <summary>
/// Recounts every breakdown from the authoritative rows (persons, cases and links in <c>Cases</c>, the
/// street contacts) and compares it with what the stored facts answer: each measure by each dimension
/// and each pair of dimensions, over each quarter and over all of them. Two things are taken as stored,
/// since nothing else keeps them: the rows of erased persons (which point to nobody, by design) and the
/// day a person was first seen out of housing on a case that was not closed.
/// </summary>
public sealed class BreakdownRecount(StorageAccount storage)
{
    private readonly TableClient _cases = storage.Table(TableNames.Cases);
    private readonly TableClient _facts = storage.Table(TableNames.ReportFacts);
    private readonly TableClient _outreach = storage.Table(TableNames.Outreach);
    private readonly TableClient _contacts = storage.Table(TableNames.Contacts);

    /// <summary>What differs, in words; empty when every breakdown equals its recount.</summary>
    public async Task<IReadOnlyList<string>> CompareAsync(IReadOnlyDictionary<string, List<TableEntity>> casesByPerson, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(casesByPerson);
        var pointers = new Dictionary<string, Dictionary<string, TableEntity>>(StringComparer.Ordinal);
        var stored = new List<(string Partition, TableEntity Row)>();
        await foreach (var row in _facts.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            if (row.PartitionKey.StartsWith("of|", StringComparison.Ordinal))
            {
                (pointers.TryGetValue(row.PartitionKey[3..], out var of) ? of : pointers[row.PartitionKey[3..]] = new(StringComparer.Ordinal))[row.RowKey] = row;
            }
            else if (row.PartitionKey.Split('|')[0] is "opened" or "housed" or "seen")
            {
                stored.Add((row.PartitionKey, row));
            }
        }

        var pointed = pointers.Values.SelectMany(p => p.Values).Where(p => p.GetString("Partition") is not null).Select(p => (p.GetString("Partition"), p.GetString("Token"))).ToHashSet();
        var recount = stored.Where(s => !s.Row.RowKey.StartsWith("u|", StringComparison.Ordinal) && !pointed.Contains((s.Partition, s.Row.RowKey))).ToList();
        var expected = Facts.Of(recount);
        await RecountPersonsAsync(casesByPerson, pointers, expected, cancellationToken);
        await RecountUnlinkedAsync(expected, cancellationToken);
        return Compare(Facts.Of(stored), expected, today);
    }

    private static List<string> Compare(Facts actual, Facts expected, DateOnly today)
    {
        var quarters = actual.Quarters.Union(expected.Quarters).Order().ToList();
        var problems = new List<string>();
        if (quarters.Count == 0)
        {
            return problems;
        }

        var dimensions = Enum.GetValues<ReportDimension>();
        var periods = quarters.Select(q => (From: q, To: q)).Append((quarters[0], quarters[^1])).ToList();
        foreach (var measure in Enum.GetValues<ReportMeasure>())
        {
            var by = dimensions.Where(d => Breakdowns.Applies(measure, d)).ToList();
            var cuts = by.Select(d => (IReadOnlyList<ReportDimension>)[d]).Concat(by.SelectMany(a => by.Where(b => a < b).Select(b => (IReadOnlyList<ReportDimension>)[a, b])));
            foreach (var cut in cuts)
            {
                foreach (var (from, to) in periods)
                {
                    var (a, e) = (actual.Count(measure, cut, from, to, today), expected.Count(measure, cut, from, to, today));
                    if (a != e)
                    {
                        problems.Add($"breakdown {measure} by {string.Join(',', cut)} {from}..{to}: stored facts give {a}, a recount gives {e}");
                    }
                }
            }
        }

        return problems;
    }

    private async Task RecountPersonsAsync(IReadOnlyDictionary<string, List<TableEntity>> casesByPerson, Dictionary<string, Dictionary<string, TableEntity>> pointers, Facts expected, CancellationToken cancellationToken)
    {
        // Each partition read again by its key: a scan across partitions can lose a partition's tail at a page boundary in Azurite.
        var files = new Dictionary<string, List<TableEntity>>(StringComparer.Ordinal);
        foreach (var personId in casesByPerson.Keys)
        {
            var rows = files[personId] = [];
            await foreach (var row in _cases.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {personId}"), cancellationToken: cancellationToken))
            {
                rows.Add(row);
            }
        }

        var persons = files
            .Where(p => p.Value.Any(r => r.RowKey == CaseRows.Person))
            .ToDictionary(p => p.Key, p => CaseEntities.ToPerson(p.Value.First(r => r.RowKey == CaseRows.Person)), StringComparer.Ordinal);
        var links = files.ToDictionary(
            p => p.Key,
            p => p.Value.Where(r => r.RowKey.StartsWith(CaseRows.LinkKind + "|", StringComparison.Ordinal)).Select(CaseEntities.ToLink).Where(l => l.IsActive).Select(l => l.OtherPersonId).ToList(),
            StringComparer.Ordinal);
        foreach (var (personId, person) in persons.Where(p => p.Value.ErasedAt is null))
        {
            var rows = files[personId];
            foreach (var c in rows.Where(r => r.RowKey.StartsWith(CaseRows.CaseKind + "|", StringComparison.Ordinal)).Select(CaseEntities.ToCase))
            {
                var noted = pointers.GetValueOrDefault(personId)?.GetValueOrDefault(BreakdownFacts.CasePointer(c.Id));
                var fact = ReportFacts.OfCase(c, person, c.Closure is null ? BreakdownFacts.LeftHousingOnOf(noted) : null);
                expected.Cases.Add((false, fact));
                if (fact.MoveInDate is not null)
                {
                    expected.Cases.Add((true, fact));
                }
            }

            var met = new List<Domain.Contacts.StreetContact>();
            await foreach (var row in _outreach.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {personId}"), cancellationToken: cancellationToken))
            {
                met.Add(ContactEntities.ToStored(row).Contact);
            }

            var key = GroupOf(personId, links);
            expected.Seen.AddRange(ReportFacts.OfPersonSeen(key, ReportedPerson.Of(person), met).Select(s => s.Fact));
        }
    }

    private async Task RecountUnlinkedAsync(Facts expected, CancellationToken cancellationToken)
    {
        var contacts = new List<Domain.Contacts.StreetContact>();
        await foreach (var row in _contacts.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey ge {"t|"} and RowKey lt {"t}"}"), cancellationToken: cancellationToken))
        {
            contacts.Add(ContactEntities.ToStored(row).Contact);
        }

        expected.Seen.AddRange(ReportFacts.OfUnlinked(contacts, (alias, zone) => alias + "|" + zone).Select(s => s.Fact));
    }

    // The records linked to one another, directly or not, as one key: the smallest id of the group.
    private static string GroupOf(string personId, Dictionary<string, List<string>> links)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { personId };
        var next = new Queue<string>([personId]);
        while (next.TryDequeue(out var id))
        {
            foreach (var other in links.GetValueOrDefault(id) ?? [])
            {
                if (seen.Add(other))
                {
                    next.Enqueue(other);
                }
            }
        }

        return seen.Min(StringComparer.Ordinal)!;
    }

    private sealed class Facts
    {
        public List<(bool Housed, CaseFact Fact)> Cases { get; } = [];

        public List<SeenFact> Seen { get; } = [];

        public IEnumerable<ReportQuarter> Quarters =>
            Cases.Select(c => ReportQuarter.Of(c.Housed ? c.Fact.MoveInDate!.Value : c.Fact.OpenedOn))
                .Concat(Seen.Select(s => ReportQuarter.Of(Domain.Time.PlausibleDates.DayOf(s.LastSeenAt))));

        public static Facts Of(IEnumerable<(string Partition, TableEntity Row)> rows)
        {
            var facts = new Facts();
            foreach (var (partition, row) in rows)
            {
                switch (partition.Split('|')[0])
                {
                    case "seen":
                        facts.Seen.Add(BreakdownFacts.ToSeenFact(row));
                        break;
                    default:
                        facts.Cases.Add((partition.StartsWith("housed|", StringComparison.Ordinal), BreakdownFacts.ToCaseFact(row)));
                        break;
                }
            }

            return facts;
        }

        // The counts of one breakdown, as text, so two recounts compare by value.
        public string Count(ReportMeasure measure, IReadOnlyList<ReportDimension> by, ReportQuarter from, ReportQuarter to, DateOnly today)
        {
            var housed = measure != ReportMeasure.CasesOpened;
            var cases = Cases.Where(c => c.Housed == housed).Select(c => c.Fact);
            var counts = Breakdowns.Count(measure, by, from, to, cases, Seen, today);
            var unlinked = Breakdowns.CountUnlinked(measure, by, from, to, Seen);
            return Text(counts) + (unlinked is null ? string.Empty : " unlinked " + Text(unlinked));
        }

        private static string Text(BreakdownCounts counts) =>
            string.Join(";", counts.Values.Select(v => string.Join(",", v))) + " = " + string.Join(";", counts.Counts.Select(r => string.Join(",", r)));
    }
}
