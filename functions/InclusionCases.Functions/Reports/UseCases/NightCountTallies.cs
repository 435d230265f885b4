using InclusionCases.Domain.Reports;
using InclusionCases.Functions.Contacts;
using InclusionCases.Functions.PersonFile;
using InclusionCases.Functions.Reports.Contracts;
using InclusionCases.Functions.Storage;

namespace InclusionCases.Functions.Reports.UseCases;

/// <summary>
/// A count's tallies from the street contacts of its window: for each organisation with contacts in the
/// window's months, one range read of its time-ordered list (never a scan); linked records resolved to
/// one person through their files.
/// </summary>
public sealed class NightCountTallies(ReportCounters counters, ContactStore contacts, PersonFileStore files, LinkedPersons linked)
{
    public async Task<NightCountResponse> OfAsync(NightCount count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(count);
        var seen = new List<Domain.Contacts.StreetContact>();
        var months = new[] { MonthKeys.Of(count.Start), MonthKeys.Of(count.End) }.Distinct();
        foreach (var organisationId in (await Task.WhenAll(months.Select(m => counters.OrganisationsWithContactsAsync(m, cancellationToken)))).SelectMany(o => o).Distinct(StringComparer.Ordinal))
        {
            await foreach (var stored in contacts.ObservedAsync(organisationId, count.Start, count.End.AddTicks(-1), cancellationToken))
            {
                seen.Add(stored.Contact);
            }
        }

        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var personId in seen.Select(c => c.PersonId).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            var records = await linked.OfAsync(await files.LoadAsync(personId, cancellationToken), cancellationToken);
            keys[personId] = records.Select(r => r.PersonId).Min(StringComparer.Ordinal)!;
        }

        var result = NightCountTally.Of(count, seen, personId => keys[personId]);
        return new NightCountResponse(count.Id, count.Night, Hhmm(count.From), Hhmm(count.To), result.Zones, result.Total);
    }

    private static string Hhmm(TimeOnly time) => time.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
