using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using InclusionCases.Domain.Reports;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Localization;
using Microsoft.AspNetCore.Http;

namespace InclusionCases.Functions.Reports;

/// <summary>
/// The query of <c>GET /api/reports/breakdown</c>: <c>measure</c>, <c>by</c> (one or two dimensions that
/// apply to the measure), and <c>from</c>/<c>to</c> as whole quarters, either as days (the first day of
/// the first quarter, the last of the last) or as <c>2026-Q1</c>; by default the four quarters up to
/// the current one. Anything else is a 400 naming the parameter.
/// </summary>
public sealed partial record BreakdownRequest(ReportMeasure Measure, IReadOnlyList<ReportDimension> By, ReportQuarter From, ReportQuarter To)
{
    /// <summary>The longest period a breakdown covers: five years.</summary>
    public const int MaxQuarters = 20;

    public static BreakdownRequest Read(HttpRequest request, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        var measure = QueryValues.Enum<ReportMeasure>(request, "measure", errors);
        if (measure is null && !errors.Has("measure"))
        {
            errors.Add("measure", ApiText.BreakdownMeasureRequired);
        }

        var by = ReadBy(request.Query["by"].ToString(), errors);
        if (measure is { } m && by.Where(d => !Breakdowns.Applies(m, d)).Select(d => (ReportDimension?)d).FirstOrDefault() is { } notApplying)
        {
            errors.Add("by", ApiText.BreakdownDimensionNotForMeasure(Name(notApplying), Name(m)));
        }

        var current = ReportQuarter.Of(today);
        var from = ReadQuarter(request, "from", start: true, today, errors) ?? ReportQuarter.Of(current.FirstDay.AddMonths(-9));
        var to = ReadQuarter(request, "to", start: false, today, errors) ?? current;
        if (!errors.Has("from") && !errors.Has("to") && (from > to || ReportQuarter.Range(from, to).Count() > MaxQuarters))
        {
            errors.Add("from", ApiText.BreakdownPeriod(MaxQuarters));
        }

        errors.ThrowIfAny();
        return new BreakdownRequest(measure!.Value, by, from, to);
    }

    /// <summary>A measure or dimension as the API names it.</summary>
    public static string Name<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private static List<ReportDimension> ReadBy(string text, FieldErrors errors)
    {
        var names = text.Split(',');
        var by = names.Select(n => Enum.GetValues<ReportDimension>().Where(d => Name(d) == n).Cast<ReportDimension?>().FirstOrDefault()).ToList();
        if (names.Length is < 1 or > 2 || by.Any(d => d is null) || by.Distinct().Count() != by.Count)
        {
            errors.Add("by", ApiText.BreakdownBy);
            return [];
        }

        return [.. by.Select(d => d!.Value)];
    }

    private static ReportQuarter? ReadQuarter(HttpRequest request, string name, bool start, DateOnly today, FieldErrors errors)
    {
        if (!request.Query.TryGetValue(name, out var values) || string.IsNullOrEmpty(values))
        {
            return null;
        }

        var text = values.Count == 1 ? values.ToString() : string.Empty;
        ReportQuarter? quarter = null;
        if (QuarterName().Match(text) is { Success: true } named)
        {
            quarter = new ReportQuarter(int.Parse(named.Groups[1].Value, CultureInfo.InvariantCulture), named.Groups[2].Value[0] - '0');
        }
        else if (text.Length == 10 && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var of = ReportQuarter.Of(day);
            quarter = day == (start ? of.FirstDay : of.LastDay) ? of : null;
        }

        if (quarter is not { } q)
        {
            errors.Add(name, start ? ApiText.QuarterStart : ApiText.QuarterEnd);
            return null;
        }

        if (q.Year < 2000 || q.Year > today.Year + 1)
        {
            errors.Add(name, ApiText.QuarterInRange);
            return null;
        }

        return q;
    }

    [GeneratedRegex(@"^(\d{4})-Q([1-4])\z")]
    private static partial Regex QuarterName();
}
