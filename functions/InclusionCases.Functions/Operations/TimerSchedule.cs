using System.Globalization;
using NCrontab;

namespace InclusionCases.Functions.Operations;

/// <summary>
/// A timer function's schedule read as the timer extension reads it: NCRONTAB with or without seconds
/// (parsed by NCrontab, the extension's own library) or a <c>hh:mm:ss</c> interval. Tells by when a run
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

        // Like the timer extension: five fields are minute to weekday, any other count starts with seconds.
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return new TimerSchedule(CrontabSchedule.Parse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = fields != 5 }), TimeSpan.Zero);
    }

    /// <summary>
    /// The first occurrence after <paramref name="after"/>, in UTC (the app sets no <c>WEBSITE_TIME_ZONE</c>);
    /// none for a schedule that never fires again (e.g. 31 February).
    /// </summary>
    public DateTimeOffset? Next(DateTimeOffset after)
    {
        if (_cron is null)
        {
            return after + _interval;
        }

        var next = _cron.GetNextOccurrence(after.UtcDateTime, Horizon(after));
        return next < Horizon(after) ? new DateTimeOffset(next, TimeSpan.Zero) : null;
    }

    /// <summary>When the first run after <paramref name="lastSuccess"/> should have succeeded at the latest; none if never.</summary>
    public DateTimeOffset? DueBy(DateTimeOffset lastSuccess)
    {
        if (Next(lastSuccess) is not { } next)
        {
            return null;
        }

        var period = Next(next) is { } following ? following - next : MaximumGrace * 12;
        var grace = TimeSpan.FromTicks(Math.Clamp(period.Ticks / 12, MinimumGrace.Ticks, MaximumGrace.Ticks));
        return next + grace;
    }

    // NCrontab searches up to an end time (it returns the end when nothing fires before it); five years covers every real schedule.
    private static DateTime Horizon(DateTimeOffset from) => from.UtcDateTime.AddYears(5);
}
