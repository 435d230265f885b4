using InclusionCases.Functions.Operations;

namespace InclusionCases.UnitTests.Operations;

/// <summary>By when a timer's next success is due: the operator status's "overdue" and the 26-hour alert agree.</summary>
public sealed class TimerScheduleTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 3, 30, 0, TimeSpan.Zero);

    [Fact]
    public void DueBy_DailyRetention_IsTwentySixHoursAfterTheLastSuccess()
    {
        var schedule = TimerSchedule.Parse("0 30 3 * * *");

        Assert.Equal(Monday.AddHours(26), schedule.DueBy(Monday));
    }

    [Fact]
    public void Next_WeekdaysOnly_SkipsTheWeekend()
    {
        var schedule = TimerSchedule.Parse("0 0 6 * * MON-FRI");
        var friday = new DateTimeOffset(2026, 11, 27, 7, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero), schedule.Next(friday));
    }

    [Fact]
    public void DueBy_EveryMinute_AllowsTheTwoMinuteFloorOfGrace()
    {
        var schedule = TimerSchedule.Parse("0 * * * * *");

        Assert.Equal(Monday.AddMinutes(3), schedule.DueBy(Monday));
    }

    [Fact]
    public void DueBy_IntervalSchedule_IsOneIntervalAndGraceLater()
    {
        var schedule = TimerSchedule.Parse("00:05:00");

        Assert.Equal(Monday.AddMinutes(7), schedule.DueBy(Monday));
    }

    [Fact]
    public void DueBy_ScheduleThatNeverFires_IsNeverDue()
    {
        var schedule = TimerSchedule.Parse("0 0 0 31 2 *");

        Assert.Null(schedule.DueBy(Monday));
    }

    [Fact]
    public void Parse_FiveFieldExpression_HasNoSecondsLikeInTheTimerExtension()
    {
        Assert.Equal(Monday.AddDays(1), TimerSchedule.Parse("30 3 * * *").Next(Monday));
    }

    [Fact]
    public void Parse_Nonsense_IsRefused()
    {
        Assert.ThrowsAny<Exception>(() => TimerSchedule.Parse("every night"));
    }
}
