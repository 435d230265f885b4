using NCrontab;

namespace InclusionCases.LocalHost.Timers;

/// <summary>
/// An NCRONTAB schedule: due in each second it names. Like the timer extension, an expression of
/// exactly five fields has no seconds field (it fires at second 0) and any other count is parsed
/// with seconds, so names (<c>MON-FRI</c>, <c>JAN</c>), ranges, lists and steps mean what they mean in Azure.
/// </summary>
public sealed class CronTimerSchedule : TimerSchedule
{
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);
    private readonly CrontabSchedule _schedule;

    private CronTimerSchedule(string expression, CrontabSchedule schedule)
    {
        Expression = expression;
        _schedule = schedule;
    }

    public override string Expression { get; }

    /// <summary>The schedule, or null when NCrontab does not read the expression.</summary>
    public static CronTimerSchedule? TryParse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var schedule = CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = fields != 5 });
        return schedule is null ? null : new CronTimerSchedule(expression, schedule);
    }

    public override bool IsDue(DateTimeOffset second, DateTimeOffset since) => Matches(second);

    /// <summary>Whether the schedule names the whole second <paramref name="second"/> (UTC).</summary>
    public bool Matches(DateTimeOffset second)
    {
        var at = second.UtcDateTime;
        // The next occurrence after the second before, looked for only up to the second after.
        return _schedule.GetNextOccurrence(at - OneSecond, at + OneSecond) == at;
    }
}
