using InclusionCases.Domain.Contacts;
using InclusionCases.Domain.Reports;

namespace InclusionCases.UnitTests.Reports;

/// <summary>A night count's window on a Brussels clock and its tallies: people once, in the zone of their last contact, bedded down apart, suppressed.</summary>
public sealed class NightCountTallyTests
{
    private static readonly NightCount Count = new("nc1", new DateOnly(2026, 11, 26), new TimeOnly(23, 0), new TimeOnly(1, 0), ["Flagey", "Midi"], "marc", "brussels-coordination", DateTimeOffset.UtcNow);

    [Fact]
    public void AWindowPastMidnight_EndsOnTheNextDay_OnABrusselsClock()
    {
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 22, 0, 0, TimeSpan.Zero), Count.Start);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero), Count.End);
        var summer = Count with { Night = new DateOnly(2026, 7, 1), From = new TimeOnly(21, 0), To = new TimeOnly(23, 30) };
        Assert.Equal((new DateTimeOffset(2026, 7, 1, 19, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 7, 1, 21, 30, 0, TimeSpan.Zero)), (summer.Start, summer.End));
    }

    [Fact]
    public void PeopleAreCountedOnce_LinkedRecordsAndAliasesIncluded_InTheirLastZone_AndOnlyInTheWindowAndZones()
    {
        var at = Count.Start.AddMinutes(30);
        var contacts = Enumerable.Range(0, 20).SelectMany(i => new[] { Contact($"p{i}", null, "Flagey", at, bedded: i < 15), Contact($"p{i}", null, "flagey ", at.AddMinutes(5), bedded: false) })
            .Append(Contact("twin-a", null, "Flagey", at, bedded: true))
            .Append(Contact("twin-b", null, "Midi", at.AddMinutes(1), bedded: true))
            .Concat(Enumerable.Range(0, 3).Select(_ => Contact(null, "Red dog", "Flagey", at, bedded: true)))
            .Append(Contact(null, null, "Flagey", at, bedded: false))
            .Concat(Enumerable.Range(0, 6).Select(i => Contact($"m{i}", null, "Midi", at, bedded: true)))
            .Append(Contact("late", null, "Flagey", Count.End, bedded: true))
            .Append(Contact("elsewhere", null, "Porte de Namur", at, bedded: true))
            .ToList();

        var result = NightCountTally.Of(Count, contacts, id => id.StartsWith("twin", StringComparison.Ordinal) ? "twin-a" : id);

        // Flagey: 20 people, the alias, the contact naming nobody (22); Midi: 6 people and the twins, last seen there (7).
        Assert.Equal(29, result.Total.PeopleSeen);
        Assert.Equal(new NightCountZone("Flagey", 22, 16, false), result.Zones[0]);
        Assert.Equal(new NightCountZone("Midi", 7, 7, false), result.Zones[1]);
        Assert.Equal(23, result.Total.BeddedDown);
    }

    [Fact]
    public void ASmallZone_IsSuppressed_AndSoIsWhatWouldGiveItBack()
    {
        var at = Count.Start.AddMinutes(10);
        var contacts = Enumerable.Range(0, 24).Select(i => Contact($"f{i}", null, "Flagey", at, bedded: i % 2 == 0))
            .Concat(Enumerable.Range(0, 3).Select(i => Contact($"m{i}", null, "Midi", at, bedded: true)))
            .ToList();

        var result = NightCountTally.Of(Count, contacts, id => id);

        Assert.Equal((null, null, true), (result.Zones[1].PeopleSeen, result.Zones[1].BeddedDown, result.Zones[1].Suppressed));
        Assert.True(result.Zones[0].Suppressed);
        Assert.Equal(27, result.Total.PeopleSeen);
    }

    private static StreetContact Contact(string? personId, string? alias, string zone, DateTimeOffset at, bool bedded) =>
        new(Guid.NewGuid().ToString(), at, zone, null, personId, alias, [], [], null, bedded, false);
}
