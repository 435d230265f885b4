using System.Globalization;

namespace InclusionCases.LocalHost.Timers;

/// <summary>
/// A timer trigger's schedule, read as the timer extension reads it: an NCRONTAB expression
/// (six fields with seconds, or five without) parsed by NCrontab, the extension's own parser, else
/// a <see cref="TimeSpan"/> interval such as <c>00:05:00</c>. Times are UTC.
/// </summary>
public abstract class TimerSchedule
{
    /// <summary>The expression as it was written (after <c>%Setting%</c> resolution).</summary>
    public abstract string Expression { get; }

    /// <exception cref="FormatException">Neither a cron expression nor a positive interval, with the extension's message.</exception>
    public static TimerSchedule Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        if (CronTimerSchedule.TryParse(expression) is { } cron)
        {
            return cron;
        }

        if (TimeSpan.TryParse(expression, CultureInfo.InvariantCulture, out var interval))
        {
            // The extension would take a zero or negative interval and fire without pause.
            return interval > TimeSpan.Zero
                ? new IntervalTimerSchedule(expression, interval)
                : throw new FormatException($"The schedule interval '{expression}' must be positive.");
        }

        throw new FormatException($"The schedule expression '{expression}' was not recognized as a valid cron expression or timespan string.");
    }

    /// <summary>Whether a run is due in the whole second <paramref name="second"/>, the last run (or the start) having been at <paramref name="since"/>.</summary>
    public abstract bool IsDue(DateTimeOffset second, DateTimeOffset since);

    public override string ToString() => Expression;
}
