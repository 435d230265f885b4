using InclusionCases.LocalHost.Timers;

namespace InclusionCases.UnitTests.LocalHost;

public sealed class CronScheduleTests
{
    [Theory]
    [InlineData("0 30 3 * * *", "2026-11-25T03:30:00Z", true)]
    [InlineData("0 30 3 * * *", "2026-11-25T03:30:01Z", false)]
    [InlineData("0 30 3 * * *", "2026-11-25T04:30:00Z", false)]
    [InlineData("*/15 * * * * *", "2026-11-25T10:00:45Z", true)]
    [InlineData("*/15 * * * * *", "2026-11-25T10:00:44Z", false)]
    [InlineData("0 0 9-17 * * 1-5", "2026-11-25T12:00:00Z", true)] // a Wednesday
    [InlineData("0 0 9-17 * * 1-5", "2026-11-29T12:00:00Z", false)] // a Sunday
    [InlineData("0 0 0 1,15 * *", "2026-11-15T00:00:00Z", true)]
    [InlineData("0 0 0 31 2 *", "2026-02-28T00:00:00Z", false)]
    public void Matches_FollowsTheSixFieldNcrontab(string expression, string at, bool expected)
    {
        Assert.Equal(expected, CronSchedule.Parse(expression).Matches(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("0 30 3 * *")]
    [InlineData("60 * * * * *")]
    [InlineData("0 0 24 * * *")]
    [InlineData("0 0 0 0 * *")]
    [InlineData("0 0 0 * * x")]
    public void Parse_InvalidExpression_Throws(string expression)
    {
        Assert.ThrowsAny<FormatException>(() => CronSchedule.Parse(expression));
    }
}
