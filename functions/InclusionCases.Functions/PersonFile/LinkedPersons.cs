namespace InclusionCases.Functions.PersonFile;

/// <summary>
/// The records that stand for one person: a record and every record linked to it, directly or through
/// another, each read once. Links are few and made by hand; at most <see cref="MaxRecords"/> are followed.
/// </summary>
public sealed class LinkedPersons(PersonFileStore store)
{
    public const int MaxRecords = 20;

    /// <summary><paramref name="start"/>'s file first, then the files of the records linked to it.</summary>
    public async Task<IReadOnlyList<PersonPartition>> OfAsync(PersonPartition start, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        var found = new List<PersonPartition> { start };
        var seen = new HashSet<string>(StringComparer.Ordinal) { start.PersonId };
        var next = new Queue<string>(start.LinkedPersonIds);
        while (next.TryDequeue(out var personId) && found.Count < MaxRecords)
        {
            if (!seen.Add(personId))
            {
                continue;
            }

            var file = await store.LoadAsync(personId, cancellationToken);
            if (file.Person is null)
            {
                continue;
            }

            found.Add(file);
            foreach (var linked in file.LinkedPersonIds)
            {
                next.Enqueue(linked);
            }
        }

        return found;
    }
}
