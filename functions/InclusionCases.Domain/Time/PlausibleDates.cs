using System.Globalization;
using InclusionCases.Domain.Text;

namespace InclusionCases.Domain.Time;

/// <summary>
/// The one rule for dates and times a client sends: nothing before 2000-01-01 (no record of this
/// service is older) and nothing after one year from today. Dates are Belgian calendar days: a
/// worker closing a case at 00:30 in Brussels closes it "today", although it is still yesterday in UTC.
/// Rules stricter for a field (a consent's expiry from today on) apply on top of this one.
/// </summary>
public static class PlausibleDates
{
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    public static readonly DateTimeOffset EarliestTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly TimeZoneInfo? Brussels = FindBrussels();

    /// <summary>The latest plausible date: one year from today.</summary>
    public static DateOnly Latest(DateOnly today) => today.AddYears(1);

    /// <summary>Today's date in Brussels at <paramref name="now"/>.</summary>
    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(InBrussels(now).DateTime);

    /// <summary>The Brussels calendar day of an instant (e.g. the day a case was created).</summary>
    public static DateOnly DayOf(DateTimeOffset at) => Today(at);

    /// <summary>The instant a Brussels calendar day begins (midnight there).</summary>
    public static DateTimeOffset StartOf(DateOnly day) => At(day, TimeOnly.MinValue);

    /// <summary>The instant a Brussels clock shows <paramref name="time"/> on <paramref name="day"/> (a time skipped by the spring change is read in summer time).</summary>
    public static DateTimeOffset At(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        return Brussels is null
            ? new DateTimeOffset(local, TimeSpan.FromHours(2))
            : new DateTimeOffset(local, Brussels.GetUtcOffset(local));
    }

    /// <summary>What is wrong with <paramref name="date"/> as a date from 2000-01-01 to a year from today, or null.</summary>
    public static Message? Check(DateOnly date, DateTimeOffset now)
    {
        var latest = Latest(Today(now));
        return date < Earliest || date > latest ? DomainText.DateRange(Format(Earliest), Format(latest)) : null;
    }

    /// <summary>
    /// What is wrong with <paramref name="date"/> as the date of something that has already happened,
    /// not before <paramref name="notBefore"/> when given (e.g. a case's closure and its creation), or null.
    /// </summary>
    public static Message? CheckPast(DateOnly date, DateTimeOffset now, DateOnly? notBefore = null)
    {
        var today = Today(now);
        var earliest = notBefore is { } floor && floor > Earliest ? floor : Earliest;
        return date < earliest || date > today ? DomainText.PastDateRange(Format(earliest), Format(today)) : null;
    }

    /// <summary>What is wrong with <paramref name="at"/> as a time from 2000-01-01 to a year from now, or null.</summary>
    public static Message? Check(DateTimeOffset at, DateTimeOffset now)
    {
        var latest = now.AddYears(1);
        return at < EarliestTime || at > latest ? DomainText.TimeRange(Format(Earliest)) : null;
    }

    private static DateTimeOffset InBrussels(DateTimeOffset at) =>
        // Without the zone database, UTC+2 (summer time) never calls a Belgian "today" the future.
        Brussels is null ? at.ToOffset(TimeSpan.FromHours(2)) : TimeZoneInfo.ConvertTime(at, Brussels);

    private static TimeZoneInfo? FindBrussels()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
