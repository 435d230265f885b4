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
/// <c>seen|{quarter}</c> a row per person, or alias in a zone, seen by street contacts
/// (<see cref="SeenFact"/>). A breakdown reads the partitions of its quarters, never a case or a contact.
/// <para>
/// No fact row names anyone: its RowKey and its <c>PersonKey</c> are random tokens. Which rows are a
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

    // Ids of an alias's contacts kept to count each once; past this, further contacts are counted without that check.
    private const int MaxCountedIds = 2000;
    private const int UnlinkedShards = 8;

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

            // The pointer first, so an erasure finds every row; a row moved to another quarter leaves the old one.
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
    /// The intake's step for contacts naming no person: each alias in a zone is one row per quarter, keyed
    /// by a keyed digest of the alias and zone (never the alias), counting each contact once. A contact
    /// with neither person nor alias counts as a contact but as nobody seen.
    /// </summary>
    public async Task RecordUnlinkedAsync(IEnumerable<StoredContact> contacts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        // An alias in a zone is spread over a few rows by contact id (each contact always in the same one),
        // so the chunks of busy nights do not all queue on one row.
        var groups = contacts.Where(c => c.Contact.PersonId is null)
            .GroupBy(c => (Quarter: ReportQuarter.Of(PlausibleDates.DayOf(c.Contact.ObservedAt)), Alias: ReportFacts.AliasOf(c.Contact), Zone: Breakdowns.Normalise(c.Contact.Zone), Shard: ShardOf(c.Contact.Id)));
        foreach (var group in groups)
        {
            var key = UnlinkedPrefix + digests.Digest("report.alias", group.Key.Alias + "|" + group.Key.Zone);
            // Chunks of one batch run side by side and may meet on one row: each merge is under the ETag it read.
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    await MergeUnlinkedAsync(PartitionOf(Seen, group.Key.Quarter), key, group.Key.Shard, group.Key.Alias.Length == 0, group.Key.Zone, [.. group], cancellationToken);
                    break;
                }
                catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < 50)
                {
                    await Task.Delay(Random.Shared.Next(5, 50), cancellationToken);
                }
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

    private static int ShardOf(string contactId) => SHA256.HashData(Encoding.UTF8.GetBytes(contactId))[0] % UnlinkedShards;

    private async Task MergeUnlinkedAsync(string partition, string key, int shard, bool withoutAlias, string zone, IReadOnlyList<StoredContact> contacts, CancellationToken cancellationToken)
    {
        var rowKey = key + "|" + shard.ToString(CultureInfo.InvariantCulture);
        var existing = await _facts.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, cancellationToken: cancellationToken);
        var row = existing.HasValue && existing.Value is { } e ? e : null;
        var ids = (row?.GetString("ContactIds") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var count = row?.GetInt32("Contacts") ?? 0;
        var last = row?.GetDateTimeOffset("LastSeenAt");
        var bedded = row?.GetDateTimeOffset("LastBeddedDownAt");
        var changed = false;
        foreach (var contact in contacts.Select(c => c.Contact))
        {
            var id = ShortId(contact.Id);
            if (ids.Contains(id))
            {
                continue;
            }

            if (ids.Count < MaxCountedIds)
            {
                ids.Add(id);
            }

            count++;
            changed = true;
            last = last is { } l && l >= contact.ObservedAt ? l : contact.ObservedAt;
            bedded = !contact.BeddedDown ? bedded : bedded is { } b && b >= contact.ObservedAt ? b : contact.ObservedAt;
        }

        if (!changed)
        {
            return;
        }

        var fact = new SeenFact(key, withoutAlias ? SeenKind.Nobody : SeenKind.Alias, ReportedPerson.Unknown, last!.Value, zone, bedded, bedded is null ? null : zone, new Dictionary<string, int> { [zone] = count });
        var entity = ToEntity(fact);
        entity.PartitionKey = partition;
        entity.RowKey = rowKey;
        entity["ContactIds"] = string.Join(' ', ids.Order(StringComparer.Ordinal));
        entity["Contacts"] = count;
        if (row is null)
        {
            await _facts.AddEntityAsync(entity, cancellationToken);
        }
        else
        {
            await _facts.UpdateEntityAsync(entity, row.ETag, TableUpdateMode.Replace, cancellationToken);
        }
    }

    private static string ShortId(string contactId) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(contactId)), 0, 6);

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
