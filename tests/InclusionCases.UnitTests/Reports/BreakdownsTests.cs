using InclusionCases.Domain.Cases;
using InclusionCases.Domain.Persons;
using InclusionCases.Domain.Reports;

namespace InclusionCases.UnitTests.Reports;

/// <summary>How a breakdown counts: cases by the day they were opened or moved in, people once in the period whatever their quarters, contacts or linked records, aliases apart, retention at its anniversary.</summary>
public sealed class BreakdownsTests
{
    private static readonly ReportQuarter Q1 = new(2026, 1);
    private static readonly ReportQuarter Q2 = new(2026, 2);
    private static readonly DateOnly Today = new(2026, 11, 27);
    private static readonly ReportedPerson Woman = new(Gender.Female, 1990, DisabilityStatus.Yes, ResidenceStatus.NoValidPermit);
    private static readonly ReportedPerson Man = new(Gender.Male, 1960, null, null);

    [Fact]
    public void CasesOpened_ByGender_CountsTheCasesOfThePeriod_WithEveryValueShown()
    {
        var cases = new[]
        {
            Case(Woman, new DateOnly(2026, 1, 5)), Case(Woman, new DateOnly(2026, 6, 30)), Case(Man, new DateOnly(2026, 2, 1)), Case(Man, new DateOnly(2026, 7, 1)),
        };

        var counts = Breakdowns.Count(ReportMeasure.CasesOpened, [ReportDimension.Gender], Q1, Q2, cases, [], Today);

        Assert.Equal(["female", "male", "nonBinary", "undisclosed", "unknown"], counts.Values[0]);
        Assert.Equal([2, 1, 0, 0, 0], counts.Counts[0]);
    }

    [Fact]
    public void ByTwoDimensions_RowsAreTheFirstAndColumnsTheSecond()
    {
        var cases = new[] { Case(Woman, new DateOnly(2026, 1, 5)), Case(Man, new DateOnly(2026, 1, 6)) };

        var counts = Breakdowns.Count(ReportMeasure.CasesOpened, [ReportDimension.AgeBand, ReportDimension.ResidenceStatus], Q1, Q1, cases, [], Today);

        Assert.Equal(AgeBands.All, counts.Values[0]);
        Assert.Equal(1, counts.Counts[AgeBands.All.ToList().IndexOf("35-49")][counts.Values[1].ToList().IndexOf("noValidPermit")]);
        Assert.Equal(1, counts.Counts[AgeBands.All.ToList().IndexOf("65+")][counts.Values[1].ToList().IndexOf("unknown")]);
    }

    [Fact]
    public void PersonsSeen_CountsEachPersonOnce_InTheZoneOfTheirLastContact_AndAliasesApart()
    {
        var seen = new[]
        {
            Seen("p1", SeenKind.Person, Woman, new DateTimeOffset(2026, 2, 1, 22, 0, 0, TimeSpan.Zero), "flagey"),
            Seen("p1", SeenKind.Person, Woman, new DateTimeOffset(2026, 5, 1, 22, 0, 0, TimeSpan.Zero), "midi"),
            Seen("p2", SeenKind.Person, Man, new DateTimeOffset(2026, 3, 1, 22, 0, 0, TimeSpan.Zero), "flagey", beddedDown: true),
            Seen("u1", SeenKind.Alias, ReportedPerson.Unknown, new DateTimeOffset(2026, 3, 2, 22, 0, 0, TimeSpan.Zero), "flagey", beddedDown: true),
            Seen("u2", SeenKind.Nobody, ReportedPerson.Unknown, new DateTimeOffset(2026, 3, 2, 22, 0, 0, TimeSpan.Zero), "midi"),
        };

        var persons = Breakdowns.Count(ReportMeasure.PersonsSeen, [ReportDimension.Zone], Q1, Q2, [], seen, Today);
        var bedded = Breakdowns.Count(ReportMeasure.PersonsSeenBeddedDown, [ReportDimension.Zone], Q1, Q2, [], seen, Today);
        var unlinked = Breakdowns.CountUnlinked(ReportMeasure.PersonsSeen, [ReportDimension.Zone], Q1, Q2, seen)!;
        var contacts = Breakdowns.Count(ReportMeasure.Contacts, [ReportDimension.Zone], Q1, Q2, [], seen, Today);

        Assert.Equal(["flagey", "midi"], persons.Values[0]);
        Assert.Equal([1, 1], persons.Counts[0]);
        Assert.Equal([1], bedded.Counts[0]);
        Assert.Equal(["flagey"], unlinked.Values[0]);
        Assert.Equal([1], unlinked.Counts[0]);
        Assert.Equal([3, 2], contacts.Counts[0]);
        Assert.Null(Breakdowns.CountUnlinked(ReportMeasure.Contacts, [ReportDimension.Zone], Q1, Q2, seen));
    }

    [Fact]
    public void Retention_CountsThoseStillHousedAtTheirAnniversary_AmongThoseWhoseAnniversaryHasPassed()
    {
        var cases = new[]
        {
            Case(Woman, new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 10)),
            Case(Woman, new DateOnly(2025, 1, 1), new DateOnly(2025, 2, 10), left: new DateOnly(2025, 5, 1)),
            Case(Man, new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 10), left: new DateOnly(2026, 1, 1)),
            Case(Man, new DateOnly(2026, 1, 1), new DateOnly(2026, 10, 1)),
        };

        var six = Breakdowns.Count(ReportMeasure.Retention6, [ReportDimension.Gender], new ReportQuarter(2025, 1), new ReportQuarter(2026, 4), cases, [], Today);
        var twelve = Breakdowns.Count(ReportMeasure.Retention12, [ReportDimension.Gender], new ReportQuarter(2025, 1), new ReportQuarter(2026, 4), cases, [], Today);

        Assert.Equal([1, 1, 0, 0, 0], six.Counts[0]);
        Assert.Equal([1, 0, 0, 0, 0], twelve.Counts[0]);
    }

    [Fact]
    public void ByQuarterOfMoveIn_GivesTheMedianDaysToHoused_OnlyBesideAShownCount()
    {
        var cases = Enumerable.Range(0, 21).Select(i => Case(Man, new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 1).AddDays(10 + i))).ToList();

        var quarters = Breakdowns.ByQuarterOfMoveIn(ReportMeasure.Housed, Q1, Q2, cases, Today);

        Assert.Equal((21, 20d, false), (quarters[0].Housed!.Value, quarters[0].MedianDaysIntakeToHoused!.Value, quarters[0].Suppressed));
        Assert.Equal(0, quarters[1].Housed);
        Assert.True(Breakdowns.ByQuarterOfMoveIn(ReportMeasure.Housed, Q1, Q2, cases.Take(4), Today).All(q => q.MedianDaysIntakeToHoused is null));
    }

    [Theory]
    [InlineData(ReportMeasure.CasesOpened, ReportDimension.Zone, false)]
    [InlineData(ReportMeasure.Contacts, ReportDimension.Type, false)]
    [InlineData(ReportMeasure.Housed, ReportDimension.Type, true)]
    [InlineData(ReportMeasure.PersonsSeen, ReportDimension.Zone, true)]
    [InlineData(ReportMeasure.Retention24, ReportDimension.DisabilityStatus, true)]
    public void ADimension_AppliesOnlyToTheMeasuresThatHaveIt(ReportMeasure measure, ReportDimension dimension, bool applies) =>
        Assert.Equal(applies, Breakdowns.Applies(measure, dimension));

    [Theory]
    [InlineData(null, 2026, "unknown")]
    [InlineData(2010, 2026, "<18")]
    [InlineData(2008, 2026, "18-24")]
    [InlineData(1961, 2026, "65+")]
    [InlineData(1962, 2026, "50-64")]
    [InlineData(2027, 2026, "unknown")]
    public void AgeBands_FromTheBirthYear(int? born, int year, string band) => Assert.Equal(band, AgeBands.Of(born, year));

    private static CaseFact Case(ReportedPerson person, DateOnly opened, DateOnly? moveIn = null, DateOnly? left = null) =>
        new(CaseType.HousingFirst, person, opened, moveIn, left);

    private static SeenFact Seen(string key, SeenKind kind, ReportedPerson person, DateTimeOffset at, string zone, bool beddedDown = false) =>
        new(key, kind, person, at, zone, beddedDown ? at : null, beddedDown ? zone : null, new Dictionary<string, int> { [zone] = 1 });
}
