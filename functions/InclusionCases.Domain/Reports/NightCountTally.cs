using InclusionCases.Domain.Contacts;

namespace InclusionCases.Domain.Reports;

/// <summary>
/// The tallies of a night count from its street contacts: each person counted once, in the zone of their
/// last contact of the window, and as bedded down if any contact of the window found them so. A person is
/// a record (linked records as one, through <c>personKey</c>), else an alias in a zone, else the contact
/// itself (nothing tells it from another). Published through <see cref="Suppression"/> as one table of
/// two rows, bedded down and not, by zone, so neither can be worked out from the other or the totals.
/// </summary>
public static class NightCountTally
{
    /// <param name="count">The count.</param>
    /// <param name="contacts">Street contacts; those outside the window or its zones are left out here.</param>
    /// <param name="personKey">The one key of a person's linked records, from a record's id.</param>
    public static NightCountResult Of(NightCount count, IEnumerable<StreetContact> contacts, Func<string, string> personKey)
    {
        ArgumentNullException.ThrowIfNull(count);
        ArgumentNullException.ThrowIfNull(personKey);
        var zones = count.Zones.Select(Breakdowns.Normalise).ToList();
        var people = contacts
            .Where(c => c.ObservedAt >= count.Start && c.ObservedAt < count.End && zones.Contains(Breakdowns.Normalise(c.Zone)))
            .DistinctBy(c => c.Id)
            .GroupBy(c => c.PersonId is { } p ? "p|" + personKey(p) : ReportFacts.AliasOf(c) is { Length: > 0 } alias ? $"a|{alias}|{Breakdowns.Normalise(c.Zone)}" : "c|" + c.Id)
            .Select(g => (Zone: zones.IndexOf(Breakdowns.Normalise(g.MaxBy(c => c.ObservedAt)!.Zone)), BeddedDown: g.Any(c => c.BeddedDown)))
            .ToList();
        var bedded = zones.Select((_, z) => people.Count(p => p.Zone == z && p.BeddedDown)).ToList();
        var notBedded = zones.Select((_, z) => people.Count(p => p.Zone == z && !p.BeddedDown)).ToList();
        var table = Suppression.Apply([bedded, notBedded]);
        var byZone = count.Zones.Select((zone, z) => new NightCountZone(zone, table.ColumnTotals[z], table.Cells[0][z], table.ColumnTotals[z] is null || table.Cells[0][z] is null || table.Cells[1][z] is null)).ToList();
        return new NightCountResult(byZone, new NightCountZone(string.Empty, table.Total, table.RowTotals[0], table.Total is null || table.RowTotals[0] is null || table.RowTotals[1] is null));
    }
}
