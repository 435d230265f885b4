using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using InclusionCases.Domain.Matching;
using InclusionCases.Domain.Persons;
using InclusionCases.Functions.Storage;

namespace InclusionCases.Functions.Matching;

/// <summary>
/// The <c>MatchIndex</c> table, kept by the projector, from which the matcher draws its candidates
/// without ever scanning persons.
/// <list type="bullet">
/// <item>Find rows: PartitionKey <c>k|{sound key}</c> (one per word of a name or alias, <see cref="PhoneticKeys"/>)
/// or <c>h|{identifier hash}</c>; RowKey <c>s|{organisation}|{person}</c> for each organisation that sees a
/// case of the person, <c>c|{organisation}|{person}</c> for each whose mediators named them. A caller's
/// candidates are one RowKey range of its own organisation per key, so persons held elsewhere are never
/// read on its behalf.</item>
/// <item>Profile rows: PartitionKey <c>p|{person}</c>, RowKey <c>profile</c>: what the matcher scores (the
/// street aliases and zones included) and the find rows written, to remove those that no longer hold.</item>
/// </list>
/// The index only proposes: who may see a candidate is decided again on the person's file.
/// </summary>
public sealed class MatchIndex(StorageAccount storage)
{
    /// <summary>The most persons one key yields, so a very common name costs a bounded read.</summary>
    public const int MaxPerKey = 200;

    /// <summary>The most keys one search reads: a long name and ten aliases still cost a bounded number of reads.</summary>
    public const int MaxKeys = 20;

    private const string ProfileRowKey = "profile";
    private const string SeeingScope = "s";
    private const string ContactedScope = "c";
    private static readonly string[] ProfileColumns = ["DisplayName", "Aliases", "Gender", "Zones", "IdentifierHashes", "Rows"];
    private readonly TableClient _table = storage.Table(TableNames.MatchIndex);

    /// <summary>The partitions a profile is found under: its identifier hashes, then its name and alias sound keys.</summary>
    public static IReadOnlyList<string> FindPartitions(MatchProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return [.. profile.IdentifierHashes.Select(h => "h|" + h)
            .Concat(profile.Names.SelectMany(PhoneticKeys.OfName).Where(k => k.Length >= 2).Select(k => "k|" + k))
            .Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The partitions a search reads: every identifier hash, and sound keys up to <see cref="MaxKeys"/>
    /// (only the profile's own partitions are written in full, so an index row is never missed).
    /// </summary>
    public static IReadOnlyList<string> SearchPartitions(MatchProfile profile) => [.. FindPartitions(profile).Take(Math.Max(MaxKeys, profile.IdentifierHashes.Count))];

    /// <summary>Brings the person's find rows and profile in line with <paramref name="person"/>; nothing is written when nothing changed.</summary>
    public async Task UpdateAsync(IndexedPerson person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var profileRow = ProfileRow(person);
        var current = await _table.GetEntityIfExistsAsync<TableEntity>(profileRow.PartitionKey, ProfileRowKey, cancellationToken: cancellationToken);
        var before = current.HasValue && current.Value is { } row ? Rows(row) : [];
        if (current.HasValue && current.Value is { } existing && SameProfile(existing, profileRow))
        {
            return;
        }

        var after = Rows(profileRow);
        // Rows first, the profile (which lists them) last: a run cut short is done again whole, and
        // never forgets a row it wrote.
        await Task.WhenAll(after.Except(before).Select(r => _table.UpsertEntityAsync(new TableEntity(r.PartitionKey, r.RowKey), TableUpdateMode.Replace, cancellationToken)));
        await Task.WhenAll(before.Except(after).Select(r => _table.DeleteEntityAsync(r.PartitionKey, r.RowKey, ETag.All, cancellationToken)));
        await _table.UpsertEntityAsync(profileRow, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>The persons found under <paramref name="partitions"/> that <paramref name="organisationId"/> sees a case of (or, for <paramref name="contacted"/>, has named in a contact).</summary>
    public async Task<IReadOnlyList<string>> FindForAsync(IReadOnlyList<string> partitions, string organisationId, bool contacted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        var prefix = $"{(contacted ? ContactedScope : SeeingScope)}|{organisationId}|";
        var found = await Task.WhenAll(partitions.Select(pk => PersonsAsync(TableClient.CreateQueryFilter($"PartitionKey eq {pk} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + "}"}"), cancellationToken)));
        return Ranked(partitions, found);
    }

    /// <summary>Every person found under <paramref name="partitions"/>, whoever sees them (for the holders' side of a match, never answered to the caller).</summary>
    public async Task<IReadOnlyList<string>> FindAnyAsync(IReadOnlyList<string> partitions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        var prefix = SeeingScope + "|";
        var found = await Task.WhenAll(partitions.Select(pk => PersonsAsync(TableClient.CreateQueryFilter($"PartitionKey eq {pk} and RowKey ge {prefix} and RowKey lt {SeeingScope + "}"}"), cancellationToken)));
        return Ranked(partitions, found);
    }

    // Best first, before any cut: a person with an equal identifier hash, then those found under the most keys.
    private static List<string> Ranked(IReadOnlyList<string> partitions, List<string>[] found) =>
        [.. partitions.Zip(found)
            .SelectMany(p => p.Second.Distinct(StringComparer.Ordinal).Select(person => (Person: person, Identifier: p.First.StartsWith("h|", StringComparison.Ordinal))))
            .GroupBy(f => f.Person, StringComparer.Ordinal)
            .OrderByDescending(g => g.Any(f => f.Identifier))
            .ThenByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)];

    /// <summary>The person's profile as last indexed, or null when the person was never indexed.</summary>
    public async Task<MatchProfile?> ProfileAsync(string personId, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(ProfilePartition(personId), ProfileRowKey, cancellationToken: cancellationToken);
        if (!row.HasValue || row.Value is not { } e)
        {
            return null;
        }

        return new MatchProfile(
            e.GetString("DisplayName"),
            List(e, "Aliases"),
            e.GetInt32("BirthYear"),
            Enum.TryParse<Gender>(e.GetString("Gender"), out var gender) ? gender : null,
            List(e, "Zones"),
            List(e, "IdentifierHashes"));
    }

    private async Task<List<string>> PersonsAsync(string filter, CancellationToken cancellationToken)
    {
        var persons = new List<string>();
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, maxPerPage: MaxPerKey, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            persons.Add(e.RowKey[(e.RowKey.LastIndexOf('|') + 1)..]);
            if (persons.Count >= MaxPerKey)
            {
                break;
            }
        }

        return persons;
    }

    private static string ProfilePartition(string personId) => "p|" + personId;

    private static TableEntity ProfileRow(IndexedPerson person)
    {
        var p = person.Profile;
        var partitions = FindPartitions(p);
        var rows = partitions.SelectMany(pk =>
            person.Seeing.Select(o => $"{pk}\t{SeeingScope}|{o}|{person.PersonId}")
                .Concat(person.Contacted.Select(o => $"{pk}\t{ContactedScope}|{o}|{person.PersonId}")))
            .Order(StringComparer.Ordinal);
        return new TableEntity(ProfilePartition(person.PersonId), ProfileRowKey)
        {
            ["DisplayName"] = p.DisplayName,
            ["Aliases"] = JsonSerializer.Serialize(p.Aliases),
            ["BirthYear"] = p.BirthYear,
            ["Gender"] = p.Gender?.ToString(),
            ["Zones"] = JsonSerializer.Serialize(p.Zones),
            ["IdentifierHashes"] = JsonSerializer.Serialize(p.IdentifierHashes),
            ["Rows"] = JsonSerializer.Serialize(rows),
        };
    }

    private static HashSet<(string PartitionKey, string RowKey)> Rows(TableEntity profile) =>
        [.. (JsonSerializer.Deserialize<string[]>(profile.GetString("Rows") ?? "[]") ?? []).Select(r => r.Split('\t')).Select(r => (r[0], r[1]))];

    private static bool SameProfile(TableEntity a, TableEntity b) =>
        ProfileColumns.All(c => a.GetString(c) == b.GetString(c))
        && a.GetInt32("BirthYear") == b.GetInt32("BirthYear");

    private static string[] List(TableEntity e, string column) => JsonSerializer.Deserialize<string[]>(e.GetString(column) ?? "[]") ?? [];
}
