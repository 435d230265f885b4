namespace InclusionCases.LocalHost.Timers;

/// <summary>A <see cref="TimeSpan"/> schedule (e.g. <c>00:05:00</c>): due once the interval has passed since the last run or the start.</summary>
public sealed class IntervalTimerSchedule(string expression, TimeSpan interval) : TimerSchedule
{
    public override string Expression { get; } = expression;

    public TimeSpan Interval { get; } = interval;

    public override bool IsDue(DateTimeOffset second, DateTimeOffset since) => second >= since + Interval;
}
