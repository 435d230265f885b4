using System.Globalization;
using NCrontab;

namespace InclusionCases.Functions.Operations;

/// <summary>
/// A timer function's schedule read as the timer extension reads it: six-field NCRONTAB (with seconds,
/// parsed by NCrontab, the extension's own library) or a <c>hh:mm:ss</c> interval. Tells by when a run
/// after a given success should itself have succeeded: the next occurrence plus a grace of a twelfth of
/// the period (at least 2 minutes, at most 2 hours), so a daily job is overdue after 26 hours.
/// </summary>
public sealed class TimerSchedule
{
    private static readonly TimeSpan MinimumGrace = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan MaximumGrace = TimeSpan.FromHours(2);

    private readonly CrontabSchedule? _cron;
    private readonly TimeSpan _interval;

    private TimerSchedule(CrontabSchedule? cron, TimeSpan interval)
    {
        _cron = cron;
        _interval = interval;
    }

    public static TimerSchedule Parse(string expression)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(expression);
        if (expression.Contains(':', StringComparison.Ordinal) && TimeSpan.TryParse(expression, CultureInfo.InvariantCulture, out var interval) && interval > TimeSpan.Zero)
        {
            return new TimerSchedule(null, interval);
        }

        return new TimerSchedule(CrontabSchedule.Parse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true }), TimeSpan.Zero);
    }

    /// <summary>The first occurrence after <paramref name="after"/> (NCRONTAB schedules run in UTC unless WEBSITE_TIME_ZONE says otherwise; we keep UTC).</summary>
    public DateTimeOffset Next(DateTimeOffset after) => _cron is null
        ? after + _interval
        : new DateTimeOffset(_cron.GetNextOccurrence(after.UtcDateTime), TimeSpan.Zero);

    /// <summary>When the first run after <paramref name="lastSuccess"/> should have succeeded at the latest.</summary>
    public DateTimeOffset DueBy(DateTimeOffset lastSuccess)
    {
        var next = Next(lastSuccess);
        var period = Next(next) - next;
        var grace = TimeSpan.FromTicks(Math.Clamp(period.Ticks / 12, MinimumGrace.Ticks, MaximumGrace.Ticks));
        return next + grace;
    }
}
