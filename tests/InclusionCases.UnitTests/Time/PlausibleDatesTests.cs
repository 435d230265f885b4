using InclusionCases.Domain.Time;

namespace InclusionCases.UnitTests.Time;

public sealed class PlausibleDatesTests
{
    // 2026-11-25 21:04 UTC is 22:04 in Brussels.
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 21, 4, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2000-01-01")]
    [InlineData("2026-11-25")]
    [InlineData("2027-11-25")]
    public void Check_DateFrom2000ToAYearAhead_IsFine(string date)
    {
        Assert.Null(PlausibleDates.Check(DateOnly.Parse(date), Now)?.English());
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("1999-12-31")]
    [InlineData("2027-11-26")]
    [InlineData("9999-12-31")]
    public void Check_DateOutsideTheRange_NamesTheRange(string date)
    {
        Assert.Equal("A date from 2000-01-01 to 2027-11-25.", PlausibleDates.Check(DateOnly.Parse(date), Now)?.English());
    }

    [Theory]
    [InlineData("2026-11-25", null, true)]
    [InlineData("2026-11-26", null, false)]
    [InlineData("0001-01-01", null, false)]
    [InlineData("2026-11-01", "2026-11-02", false)]
    [InlineData("2026-11-02", "2026-11-02", true)]
    [InlineData("2001-01-01", "1990-01-01", true)]
    public void CheckPast_AllowsFromTheFloorToToday(string date, string? notBefore, bool fine)
    {
        var problem = PlausibleDates.CheckPast(DateOnly.Parse(date), Now, notBefore is null ? null : DateOnly.Parse(notBefore));

        Assert.Equal(fine, problem is null);
    }

    [Fact]
    public void Today_AfterMidnightInBrussels_IsTheBelgianDay()
    {
        // 23:30 UTC in winter is 00:30 the next day in Brussels: a closure dated that day is not in the future.
        var lateEvening = new DateTimeOffset(2026, 11, 25, 23, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 11, 26), PlausibleDates.Today(lateEvening));
        Assert.Null(PlausibleDates.CheckPast(new DateOnly(2026, 11, 26), lateEvening));
    }

    [Theory]
    [InlineData("2000-01-01T00:00:00Z", true)]
    [InlineData("2027-11-25T21:04:00Z", true)]
    [InlineData("1999-12-31T23:59:59Z", false)]
    [InlineData("2027-11-25T21:04:01Z", false)]
    [InlineData("0001-01-01T00:00:00Z", false)]
    [InlineData("9999-12-31T23:59:59Z", false)]
    public void Check_Time_From2000ToAYearFromNow(string time, bool fine)
    {
        Assert.Equal(fine, PlausibleDates.Check(DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture), Now) is null);
    }
}
