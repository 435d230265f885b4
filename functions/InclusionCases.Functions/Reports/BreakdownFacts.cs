using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using InclusionCases.Domain.Cases;
using InclusionCases.Domain.Persons;
using InclusionCases.Domain.Reports;
using InclusionCases.Domain.Time;
using InclusionCases.Functions.Contacts;
using InclusionCases.Functions.PersonFile;
using InclusionCases.Functions.Storage;

namespace InclusionCases.Functions.Reports;

/// <summary>
/// The facts the breakdowns count, in <c>ReportFacts</c>, one partition per quarter and kind:
/// <c>opened|{quarter}</c> and <c>housed|{quarter}</c> hold a row per case (<see cref="CaseFact"/>),
/// <c>seen|{quarter}</c> a row per person seen by street contacts, and one per contact naming no person
/// (<see cref="SeenFact"/>). A breakdown reads the partitions of its quarters, never a case or a contact.
/// <para>
/// No fact row names anyone: its RowKey comes from a random salt of the person (for a contact naming
/// nobody, from the contact's id) and its <c>PersonKey</c> is a random token. Which rows are a
/// person's is kept only in the person's pointer partition (<c>of|{personId}</c>): the projector uses
/// it to rewrite their rows, and an erasure deletes it, after which the rows, still counted, belong to
/// nobody. So erasure and retention change no published figure.
/// </para>
/// </summary>
public sealed class BreakdownFacts(StorageAccount storage, IdentifierHasher digests)
{
    private const string Opened = "opened";
    private const string HousedKind = "housed";
    private const string Seen = "seen";
    private const string TokenRow = "token";
    private const string SaltRow = "salt";
    private const string UnlinkedPrefix = "u|";

    private readonly TableClient _facts = storage.Table(TableNames.ReportFacts);

    /// <summary>The facts' partition of a kind and quarter.</summary>
    public static string PartitionOf(string kind, ReportQuarter quarter) => $"{kind}|{quarter.Key}";

    /// <summary>
    /// The projector's step: brings the person's case and seen rows in line with the file and the street
    /// contacts naming the person. <paramref name="records"/> are the person's linked records (this one
    /// first), which share one <c>PersonKey</c>. An erased person's pointers are deleted instead.
    /// </summary>
    public async Task ProjectAsync(IReadOnlyList<PersonPartition> records, IReadOnlyList<StoredContact> met, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(met);
        var file = records[0];
        if (file.Person?.Value is not { } person)
        {
            return;
        }

        if (person.ErasedAt is not null)
        {
            await ForgetAsync(file.PersonId, cancellationToken);
            return;
        }

        var pointers = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        await foreach (var row in _facts.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {PointerPartition(file.PersonId)}"), cancellationToken: cancellationToken))
        {
            pointers[row.RowKey] = row;
        }

        var personKey = await GroupTokenAsync(records, pointers, cancellationToken);
        var salt = await OnceAsync(file.PersonId, SaltRow, pointers, cancellationToken);
        var wanted = new Dictionary<string, (string Partition, TableEntity Row, DateOnly? LeftHousingOn)>(StringComparer.Ordinal);
        foreach (var c in file.Cases.Select(s => s.Value))
        {
            var pointerKey = CasePointer(c.Id);
            var fact = ReportFacts.OfCase(c, person, LeftHousingOnOf(pointers.GetValueOrDefault(pointerKey)));
            wanted[pointerKey] = (PartitionOf(Opened, ReportQuarter.Of(fact.OpenedOn)), ToEntity(fact), fact.LeftHousingOn);
            if (fact.MoveInDate is { } moveIn)
            {
                wanted["housed|" + c.Id] = (PartitionOf(HousedKind, ReportQuarter.Of(moveIn)), ToEntity(fact), fact.LeftHousingOn);
            }
        }

        foreach (var (quarter, fact) in ReportFacts.OfPersonSeen(personKey, ReportedPerson.Of(person), met.Select(m => m.Contact)))
        {
            wanted["seen|" + quarter.Key] = (PartitionOf(Seen, quarter), ToEntity(fact), null);
        }

        foreach (var (pointerKey, (partition, row, left)) in wanted)
        {
            var hash = Hash(partition, row);
            var pointer = pointers.GetValueOrDefault(pointerKey);
            if (pointer?.GetString("Hash") == hash)
            {
                continue;
            }

            // The pointer first, so an erasure finds every row; a row moving to another quarter is deleted from the old one.
            // Its key comes from the person's salt, so two projections at once write the same row.
            var token = Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(salt), Encoding.UTF8.GetBytes(pointerKey)), 0, 16);
            if (pointer?.GetString("Partition") is { } before && before != partition)
            {
                await _facts.DeleteEntityAsync(before, token, cancellationToken: cancellationToken);
            }

            await _facts.UpsertEntityAsync(
                new TableEntity(PointerPartition(file.PersonId), pointerKey) { ["Token"] = token, ["Partition"] = partition, ["Hash"] = hash, ["LeftHousingOn"] = Day(left) },
                TableUpdateMode.Replace,
                cancellationToken);
            row.PartitionKey = partition;
            row.RowKey = token;
            await _facts.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
        }

        foreach (var (pointerKey, pointer) in pointers.Where(p => p.Key is not (TokenRow or SaltRow) && !wanted.ContainsKey(p.Key)))
        {
            await _facts.DeleteEntityAsync(pointer.GetString("Partition"), pointer.GetString("Token"), cancellationToken: cancellationToken);
            await _facts.DeleteEntityAsync(pointer.PartitionKey, pointerKey, cancellationToken: cancellationToken);
        }
    }

    /// <summary>
    /// The intake's step for contacts naming no person: one row per contact in its quarter's partition,
    /// written in transactions of 100 and keyed by a digest of the contact id, so a chunk stored again
    /// writes the same rows. The row keeps the zone, the time, whether bedded down, and the alias only as
    /// a keyed digest of alias and zone (the alias's <c>PersonKey</c>); one with neither person nor alias
    /// counts as a contact but as nobody seen.
    /// </summary>
    public async Task RecordUnlinkedAsync(IEnumerable<StoredContact> contacts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        var byQuarter = contacts.Select(c => c.Contact).Where(c => c.PersonId is null).GroupBy(c => ReportQuarter.Of(PlausibleDates.DayOf(c.ObservedAt)));
        foreach (var quarter in byQuarter)
        {
            var partition = PartitionOf(Seen, quarter.Key);
            var rows = quarter.DistinctBy(c => c.Id).Select(c =>
            {
                var alias = ReportFacts.AliasOf(c);
                var zone = Breakdowns.Normalise(c.Zone);
                var fact = new SeenFact(
                    alias.Length == 0 ? string.Empty : digests.Digest("report.alias", alias + "|" + zone),
                    alias.Length == 0 ? SeenKind.Nobody : SeenKind.Alias,
                    ReportedPerson.Unknown,
                    c.ObservedAt,
                    zone,
                    c.BeddedDown ? c.ObservedAt : null,
                    c.BeddedDown ? zone : null,
                    new Dictionary<string, int>(StringComparer.Ordinal) { [zone] = 1 });
                var row = ToEntity(fact);
                row.PartitionKey = partition;
                row.RowKey = UnlinkedPrefix + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(c.Id)), 0, 16);
                return row;
            });
            foreach (var chunk in rows.Chunk(ContactStore.ContactsPerTransaction))
            {
                await _facts.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), cancellationToken);
            }
        }
    }

    /// <summary>Deletes the person's pointers: their rows stay counted and belong to nobody.</summary>
    public async Task ForgetAsync(string personId, CancellationToken cancellationToken)
    {
        await foreach (var pointer in _facts.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {PointerPartition(personId)}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            await _facts.DeleteEntityAsync(pointer.PartitionKey, pointer.RowKey, cancellationToken: cancellationToken);
        }
    }

    /// <summary>The case facts of the quarters from <paramref name="from"/> to <paramref name="to"/>, by the day they were opened, or, for <paramref name="housed"/>, of move-in.</summary>
    public async Task<IReadOnlyList<CaseFact>> CasesAsync(bool housed, ReportQuarter from, ReportQuarter to, CancellationToken cancellationToken)
    {
        var facts = new List<CaseFact>();
        foreach (var quarter in ReportQuarter.Range(from, to))
        {
            await foreach (var row in _facts.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {PartitionOf(housed ? HousedKind : Opened, quarter)}"), cancellationToken: cancellationToken))
            {
                facts.Add(ToCaseFact(row));
            }
        }

        return facts;
    }

    /// <summary>The seen facts of the quarters from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public async Task<IReadOnlyList<SeenFact>> SeenAsync(ReportQuarter from, ReportQuarter to, CancellationToken cancellationToken)
    {
        var facts = new List<SeenFact>();
        foreach (var quarter in ReportQuarter.Range(from, to))
        {
            await foreach (var row in _facts.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {PartitionOf(Seen, quarter)}"), cancellationToken: cancellationToken))
            {
                facts.Add(ToSeenFact(row));
            }
        }

        return facts;
    }

    private static string PointerPartition(string personId) => "of|" + personId;

    private static string NewToken() => Guid.NewGuid().ToString("N");

    // The person of linked records is one token: the first record's (by id) in the group.
    private Task<string> GroupTokenAsync(IReadOnlyList<PersonPartition> records, Dictionary<string, TableEntity> pointers, CancellationToken cancellationToken)
    {
        var owner = records.Select(r => r.PersonId).Min(StringComparer.Ordinal)!;
        return OnceAsync(owner, TokenRow, owner == records[0].PersonId ? pointers : [], cancellationToken);
    }

    // A random value kept in the person's pointer partition, made once whoever comes first.
    private async Task<string> OnceAsync(string personId, string rowKey, Dictionary<string, TableEntity> pointers, CancellationToken cancellationToken)
    {
        if (pointers.TryGetValue(rowKey, out var own))
        {
            return own.GetString("Token");
        }

        var existing = await _facts.GetEntityIfExistsAsync<TableEntity>(PointerPartition(personId), rowKey, cancellationToken: cancellationToken);
        if (existing.HasValue && existing.Value is { } row)
        {
            return row.GetString("Token");
        }

        try
        {
            var token = NewToken();
            await _facts.AddEntityAsync(new TableEntity(PointerPartition(personId), rowKey) { ["Token"] = token }, cancellationToken);
            return token;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return (await _facts.GetEntityAsync<TableEntity>(PointerPartition(personId), rowKey, cancellationToken: cancellationToken)).Value.GetString("Token");
        }
    }

    /// <summary>The pointer of a case's fact in its person's pointer partition.</summary>
    public static string CasePointer(string caseId) => "case|" + caseId;

    /// <summary>The day a pointer notes the person left housing, if any: the one part of a fact a recount takes from here.</summary>
    public static DateOnly? LeftHousingOnOf(TableEntity? caseRow) => ParseDay(caseRow?.GetString("LeftHousingOn"));

    private static string Hash(string partition, TableEntity row) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(partition + "\n" + string.Join("\n", row.Where(p => p.Key is not ("PartitionKey" or "RowKey" or "odata.etag" or "Timestamp")).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={Convert.ToString(p.Value, CultureInfo.InvariantCulture)}")))), 0, 16);

    private static TableEntity ToEntity(CaseFact fact) => new()
    {
        ["Type"] = fact.Type.ToString(),
        ["Gender"] = fact.Person.Gender?.ToString(),
        ["BirthYear"] = fact.Person.BirthYear,
        ["DisabilityStatus"] = fact.Person.DisabilityStatus?.ToString(),
        ["ResidenceStatus"] = fact.Person.ResidenceStatus?.ToString(),
        ["OpenedOn"] = Day(fact.OpenedOn),
        ["MoveInDate"] = Day(fact.MoveInDate),
        ["LeftHousingOn"] = Day(fact.LeftHousingOn),
    };

    private static TableEntity ToEntity(SeenFact fact) => new()
    {
        ["PersonKey"] = fact.PersonKey,
        ["Kind"] = fact.Kind.ToString(),
        ["Gender"] = fact.Person.Gender?.ToString(),
        ["BirthYear"] = fact.Person.BirthYear,
        ["DisabilityStatus"] = fact.Person.DisabilityStatus?.ToString(),
        ["ResidenceStatus"] = fact.Person.ResidenceStatus?.ToString(),
        ["LastSeenAt"] = fact.LastSeenAt,
        ["Zone"] = fact.Zone,
        ["LastBeddedDownAt"] = fact.LastBeddedDownAt,
        ["BeddedDownZone"] = fact.BeddedDownZone,
        ["ContactsByZone"] = JsonSerializer.Serialize(fact.ContactsByZone),
    };

    private static ReportedPerson PersonOf(TableEntity row) => new(
        Enum.TryParse<Gender>(row.GetString("Gender"), out var g) ? g : null,
        row.GetInt32("BirthYear"),
        Enum.TryParse<DisabilityStatus>(row.GetString("DisabilityStatus"), out var d) ? d : null,
        Enum.TryParse<ResidenceStatus>(row.GetString("ResidenceStatus"), out var r) ? r : null);

    /// <summary>A case fact as stored.</summary>
    public static CaseFact ToCaseFact(TableEntity row) => new(
        Enum.Parse<CaseType>(row.GetString("Type")),
        PersonOf(row),
        ParseDay(row.GetString("OpenedOn"))!.Value,
        ParseDay(row.GetString("MoveInDate")),
        ParseDay(row.GetString("LeftHousingOn")));

    /// <summary>A seen fact as stored.</summary>
    public static SeenFact ToSeenFact(TableEntity row) => new(
        row.GetString("PersonKey"),
        Enum.Parse<SeenKind>(row.GetString("Kind")),
        PersonOf(row),
        row.GetDateTimeOffset("LastSeenAt")!.Value,
        row.GetString("Zone"),
        row.GetDateTimeOffset("LastBeddedDownAt"),
        row.GetString("BeddedDownZone"),
        JsonSerializer.Deserialize<Dictionary<string, int>>(row.GetString("ContactsByZone")) ?? []);

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? ParseDay(string? day) =>
        DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
