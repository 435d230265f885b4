using System.Globalization;

namespace InclusionCases.Domain.Reports;

/// <summary>A calendar quarter: reports count whole quarters, so overlapping windows cannot be subtracted to single someone out.</summary>
public readonly record struct ReportQuarter(int Year, int Number) : IComparable<ReportQuarter>
{
    /// <summary>The first day of the quarter.</summary>
    public DateOnly FirstDay => new(Year, ((Number - 1) * 3) + 1, 1);

    /// <summary>The last day of the quarter.</summary>
    public DateOnly LastDay => FirstDay.AddMonths(3).AddDays(-1);

    /// <summary>The quarter as storage and answers name it, such as <c>2026-Q4</c>.</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-Q{Number}");

    /// <summary>The quarter <paramref name="day"/> is in.</summary>
    public static ReportQuarter Of(DateOnly day) => new(day.Year, ((day.Month - 1) / 3) + 1);

    /// <summary>The quarters from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public static IEnumerable<ReportQuarter> Range(ReportQuarter from, ReportQuarter to)
    {
        for (var q = from; q <= to; q = Of(q.FirstDay.AddMonths(3)))
        {
            yield return q;
        }
    }

    public static bool operator <(ReportQuarter left, ReportQuarter right) => left.CompareTo(right) < 0;

    public static bool operator <=(ReportQuarter left, ReportQuarter right) => left.CompareTo(right) <= 0;

    public static bool operator >(ReportQuarter left, ReportQuarter right) => left.CompareTo(right) > 0;

    public static bool operator >=(ReportQuarter left, ReportQuarter right) => left.CompareTo(right) >= 0;

    public int CompareTo(ReportQuarter other) => (Year, Number).CompareTo((other.Year, other.Number));

    public override string ToString() => Key;
}
