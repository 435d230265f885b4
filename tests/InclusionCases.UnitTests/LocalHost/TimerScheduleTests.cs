using System.Globalization;
using InclusionCases.Functions.Hosting;
using InclusionCases.LocalHost;
using InclusionCases.LocalHost.Timers;
using Microsoft.Extensions.Configuration;

namespace InclusionCases.UnitTests.LocalHost;

public sealed class TimerScheduleTests
{
    private static readonly DateTimeOffset Start = At("2026-11-25T10:00:00Z");

    [Theory]
    [InlineData("0 30 3 * * *", "2026-11-25T03:30:00Z", true)]
    [InlineData("0 30 3 * * *", "2026-11-25T03:30:01Z", false)]
    [InlineData("0 30 3 * * *", "2026-11-25T04:30:00Z", false)]
    [InlineData("0 0 3 * * *", "2026-11-25T03:00:00Z", true)]
    [InlineData("0 0 3 * * *", "2026-11-25T15:00:00Z", false)]
    [InlineData("*/15 * * * * *", "2026-11-25T10:00:45Z", true)]
    [InlineData("*/15 * * * * *", "2026-11-25T10:00:44Z", false)]
    [InlineData("0 0 9-17 * * 1-5", "2026-11-25T12:00:00Z", true)] // a Wednesday
    [InlineData("0 0 9-17 * * 1-5", "2026-11-29T12:00:00Z", false)] // a Sunday
    [InlineData("0 0 0 1,15 * *", "2026-11-15T00:00:00Z", true)]
    [InlineData("0 0 0 31 2 *", "2026-02-28T00:00:00Z", false)]
    [InlineData("0 0 0 * * 0", "2026-11-29T00:00:00Z", true)] // 0 is Sunday
    public void Cron_IsDueInTheSecondsItNames(string expression, string at, bool expected)
    {
        Assert.Equal(expected, TimerSchedule.Parse(expression).IsDue(At(at), Start));
    }

    [Theory]
    [InlineData("0 30 9 * * MON-FRI", "2026-11-27T09:30:00Z", true)] // a Friday
    [InlineData("0 30 9 * * MON-FRI", "2026-11-28T09:30:00Z", false)] // a Saturday
    [InlineData("0 30 9 * * mon-fri", "2026-11-23T09:30:00Z", true)] // a Monday
    [InlineData("0 0 12 * * SUN", "2026-11-29T12:00:00Z", true)]
    [InlineData("0 30 9 * Jan Mon", "2026-01-05T09:30:00Z", true)] // the first Monday of January
    [InlineData("0 30 9 * Jan Mon", "2026-02-02T09:30:00Z", false)]
    public void Cron_ReadsDayAndMonthNamesAsTheTimerExtensionDoes(string expression, string at, bool expected)
    {
        Assert.Equal(expected, TimerSchedule.Parse(expression).IsDue(At(at), Start));
    }

    [Theory]
    [InlineData("30 3 * * *", "2026-11-25T03:30:00Z", true)]
    [InlineData("30 3 * * *", "2026-11-25T03:30:01Z", false)]
    [InlineData("*/5 * * * *", "2026-11-25T10:05:00Z", true)]
    [InlineData("*/5 * * * *", "2026-11-25T10:06:00Z", false)]
    public void Cron_FiveFields_HaveNoSecondsAndFireAtSecondZero(string expression, string at, bool expected)
    {
        Assert.Equal(expected, TimerSchedule.Parse(expression).IsDue(At(at), Start));
    }

    [Fact]
    public void Interval_IsDueOnceTheIntervalHasPassedSinceTheLastRun()
    {
        var schedule = Assert.IsType<IntervalTimerSchedule>(TimerSchedule.Parse("00:05:00"));

        Assert.Equal(TimeSpan.FromMinutes(5), schedule.Interval);
        Assert.False(schedule.IsDue(Start.AddMinutes(4).AddSeconds(59), Start));
        Assert.True(schedule.IsDue(Start.AddMinutes(5), Start));
    }

    [Fact]
    public void Interval_TakesTheTimeSpanFormsTheExtensionTakes()
    {
        Assert.Equal(TimeSpan.FromDays(1) + TimeSpan.FromHours(2), Assert.IsType<IntervalTimerSchedule>(TimerSchedule.Parse("1.02:00:00")).Interval);
    }

    [Theory]
    [InlineData("0 30 3 * * * *")]
    [InlineData("60 * * * * *")]
    [InlineData("0 0 24 * * *")]
    [InlineData("0 0 0 0 * *")]
    [InlineData("0 0 0 * * x")]
    [InlineData("0 0 0 * * MON-XYZ")]
    [InlineData("every day")]
    [InlineData("")]
    public void Parse_NeitherCronNorInterval_ThrowsTheExtensionsMessage(string expression)
    {
        var error = Assert.Throws<FormatException>(() => TimerSchedule.Parse(expression));

        Assert.Equal($"The schedule expression '{expression}' was not recognized as a valid cron expression or timespan string.", error.Message);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:05:00")]
    public void Parse_IntervalNotPositive_Throws(string expression)
    {
        var error = Assert.Throws<FormatException>(() => TimerSchedule.Parse(expression));

        Assert.Contains("must be positive", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseSchedule_SettingThatIsNoSchedule_StopsTheHostNamingTheFunction()
    {
        var function = new TimerFunction("SweepOutbox", "%OutboxSweepSchedule%", RunOnStartup: false, typeof(TimerScheduleTests).GetMethod(nameof(Expression_IsKeptAsWritten))!);
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["OutboxSweepSchedule"] = "0 * * * MON-FRY" }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => LocalFunctionsHost.ParseSchedule(function, settings));

        Assert.Equal(
            "Timer function 'SweepOutbox': The schedule expression '0 * * * MON-FRY' was not recognized as a valid cron expression or timespan string.",
            error.Message);
    }

    [Fact]
    public void Expression_IsKeptAsWritten()
    {
        Assert.Equal("0 30 9 * * MON-FRI", TimerSchedule.Parse("0 30 9 * * MON-FRI").ToString());
    }

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
}
