using InclusionCases.Functions.Storage;

namespace InclusionCases.UnitTests.Storage;

public sealed class MonthKeysTests
{
    [Fact]
    public void Of_TakesTheUtcMonth_NotTheOffsetsLocalOne()
    {
        // 23:30 on 31 January in Brussels (UTC+1) is still January in UTC; 23:30 at UTC-2 is February.
        Assert.Equal("2026-01", MonthKeys.Of(new DateTimeOffset(2026, 1, 31, 23, 30, 0, TimeSpan.FromHours(1))));
        Assert.Equal("2026-02", MonthKeys.Of(new DateTimeOffset(2026, 1, 31, 23, 30, 0, TimeSpan.FromHours(-2))));
        Assert.Equal("2026-12", MonthKeys.Of(new DateOnly(2026, 12, 31)));
    }

    [Fact]
    public void Start_IsTheFirstUtcInstantOfTheMonth()
    {
        var start = MonthKeys.Start("2026-03");
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), start);
        Assert.Equal(TimeSpan.Zero, start.Offset);
        Assert.Equal("2026-03", MonthKeys.Of(start));
    }

    [Fact]
    public void Start_RefusesWhatIsNotAMonthKey() =>
        Assert.Throws<FormatException>(() => MonthKeys.Start("2026-3-01"));
}
