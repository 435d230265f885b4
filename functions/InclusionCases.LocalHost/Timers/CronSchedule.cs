using System.Globalization;

namespace InclusionCases.LocalHost.Timers;

/// <summary>
/// A six-field NCRONTAB schedule as the Functions timer trigger takes it
/// (<c>second minute hour day month day-of-week</c>), with <c>*</c>, numbers, ranges <c>a-b</c>,
/// lists <c>a,b</c> and steps <c>*/n</c>. Times are UTC, as on the Functions host by default.
/// </summary>
public sealed class CronSchedule
{
    private static readonly (int Min, int Max)[] Ranges = [(0, 59), (0, 59), (0, 23), (1, 31), (1, 12), (0, 6)];
    private readonly HashSet<int>[] _fields;

    private CronSchedule(HashSet<int>[] fields) => _fields = fields;

    public static CronSchedule Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var parts = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 6)
        {
            throw new FormatException($"'{expression}' is not a six-field NCRONTAB expression (second minute hour day month day-of-week).");
        }

        return new CronSchedule([.. parts.Select((part, i) => Field(part, Ranges[i].Min, Ranges[i].Max))]);
    }

    public bool Matches(DateTimeOffset at)
    {
        var t = at.UtcDateTime;
        return _fields[0].Contains(t.Second) && _fields[1].Contains(t.Minute) && _fields[2].Contains(t.Hour)
            && _fields[3].Contains(t.Day) && _fields[4].Contains(t.Month) && _fields[5].Contains((int)t.DayOfWeek);
    }

    private static HashSet<int> Field(string text, int min, int max)
    {
        var values = new HashSet<int>();
        foreach (var item in text.Split(','))
        {
            var (range, step) = item.Split('/') is [var r, var s] ? (r, int.Parse(s, CultureInfo.InvariantCulture)) : (item, 1);
            var (from, to) = range == "*" ? (min, max)
                : range.Split('-') is [var a, var b] ? (int.Parse(a, CultureInfo.InvariantCulture), int.Parse(b, CultureInfo.InvariantCulture))
                : (int.Parse(range, CultureInfo.InvariantCulture), int.Parse(range, CultureInfo.InvariantCulture));
            if (from < min || to > max || from > to || step < 1)
            {
                throw new FormatException($"'{item}' is out of range {min}-{max}.");
            }

            for (var v = from; v <= to; v += step)
            {
                values.Add(v);
            }
        }

        return values;
    }
}
