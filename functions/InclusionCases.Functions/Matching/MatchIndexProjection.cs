using InclusionCases.Domain.Matching;
using InclusionCases.Functions.Contacts;
using InclusionCases.Functions.PersonFile;

namespace InclusionCases.Functions.Matching;

/// <summary>
/// The projector's step for the match index: the person's name, birth year, gender and identifier
/// hashes from the file, the aliases and zones of the street contacts naming them, who sees a case of
/// theirs and whose mediators met them. An erased person is taken out of the index.
/// </summary>
public sealed class MatchIndexProjection(MatchIndex index)
{
    /// <param name="file">The person's partition as the projector read it.</param>
    /// <param name="seeing">The organisations that see at least one of the person's cases now.</param>
    /// <param name="met">The street contacts naming the person.</param>
    /// <param name="cancellationToken">Cancels the update.</param>
    public async Task ProjectAsync(PersonPartition file, IReadOnlyCollection<string> seeing, IReadOnlyList<StoredContact> met, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(met);
        if (file.Person?.Value is not { } person)
        {
            return;
        }

        if (person.ErasedAt is not null)
        {
            await index.UpdateAsync(IndexedPerson.Erased(person.Id), cancellationToken);
            return;
        }

        var profile = new MatchProfile(
            person.DisplayName,
            [.. met.Select(c => c.Contact.Alias).OfType<string>().Where(a => !string.IsNullOrWhiteSpace(a)).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)],
            person.BirthYear,
            person.Gender,
            [.. met.Select(c => c.Contact.Zone).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)],
            person.IdentifierHashes);
        await index.UpdateAsync(
            new IndexedPerson(person.Id, profile, [.. seeing.Order(StringComparer.Ordinal)], [.. met.Select(c => c.OrganisationId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]),
            cancellationToken);
    }
}
