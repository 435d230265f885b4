using System.Globalization;

namespace InclusionCases.Functions.Storage;

/// <summary>The <c>yyyy-MM</c> month keys (UTC) that the report and retention tables are partitioned by.</summary>
public static class MonthKeys
{
    private const string Format = "yyyy-MM";

    public static string Of(DateTimeOffset at) => at.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public static string Of(DateOnly day) => day.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>The first instant (UTC) of the month a key names.</summary>
    public static DateTimeOffset Start(string month) =>
        DateTimeOffset.ParseExact(month, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
