using InclusionCases.Domain.Cases;
using InclusionCases.Domain.Contacts;
using InclusionCases.Domain.Persons;

namespace InclusionCases.Domain.Reports;

/// <summary>
/// How the report facts follow from the authoritative records: the projector writes them this way, and
/// the consistency check recounts them this way.
/// </summary>
public static class ReportFacts
{
    /// <summary>The fact of case <paramref name="c"/> of <paramref name="person"/>; <paramref name="leftBefore"/> is the day already noted as the one the person left housing, if any.</summary>
    public static CaseFact OfCase(CaseFile c, Person person, DateOnly? leftBefore)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new CaseFact(c.Type, ReportedPerson.Of(person), Time.PlausibleDates.DayOf(c.CreatedAt), c.Housing?.MoveInDate, LeftHousingOn(c, leftBefore));
    }

    /// <summary>
    /// The first day the person was no longer housed after moving in: the closure's date, else the day
    /// it was first seen (kept once noted), and none while housed.
    /// </summary>
    public static DateOnly? LeftHousingOn(CaseFile c, DateOnly? leftBefore)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.Housing?.MoveInDate is null || (c.Status == CaseStatus.Housed && c.Housing.TenancyStatus != TenancyStatus.Ended))
        {
            return null;
        }

        return leftBefore ?? c.Closure?.Date ?? Time.PlausibleDates.DayOf(c.UpdatedAt);
    }

    /// <summary>A person's seen fact per quarter from the street contacts naming any of their records.</summary>
    public static IEnumerable<(ReportQuarter Quarter, SeenFact Fact)> OfPersonSeen(string personKey, ReportedPerson person, IEnumerable<StreetContact> contacts) =>
        Seen(personKey, SeenKind.Person, person, contacts);

    /// <summary>The seen facts of contacts naming no person, per quarter, alias and zone; <paramref name="keyOf"/> names the row of an alias (empty when none) in a zone.</summary>
    public static IEnumerable<(ReportQuarter Quarter, SeenFact Fact)> OfUnlinked(IEnumerable<StreetContact> contacts, Func<string, string, string> keyOf)
    {
        ArgumentNullException.ThrowIfNull(keyOf);
        return contacts.Where(c => c.PersonId is null)
            .GroupBy(c => (Alias: AliasOf(c), Zone: Breakdowns.Normalise(c.Zone)))
            .SelectMany(g => Seen(keyOf(g.Key.Alias, g.Key.Zone), g.Key.Alias.Length == 0 ? SeenKind.Nobody : SeenKind.Alias, ReportedPerson.Unknown, g));
    }

    /// <summary>An alias as reports group it: trimmed, in lower case; empty when none.</summary>
    public static string AliasOf(StreetContact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return contact.Alias?.Trim().ToLowerInvariant() ?? string.Empty;
    }

    private static IEnumerable<(ReportQuarter, SeenFact)> Seen(string key, SeenKind kind, ReportedPerson person, IEnumerable<StreetContact> contacts) =>
        contacts.DistinctBy(c => c.Id).GroupBy(c => ReportQuarter.Of(Time.PlausibleDates.DayOf(c.ObservedAt))).Select(quarter =>
        {
            var last = quarter.MaxBy(c => c.ObservedAt)!;
            var bedded = quarter.Where(c => c.BeddedDown).MaxBy(c => c.ObservedAt);
            var zones = quarter.GroupBy(c => Breakdowns.Normalise(c.Zone), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            return (quarter.Key, new SeenFact(key, kind, person, last.ObservedAt, Breakdowns.Normalise(last.Zone), bedded?.ObservedAt, bedded is null ? null : Breakdowns.Normalise(bedded.Zone), zones));
        });
}
