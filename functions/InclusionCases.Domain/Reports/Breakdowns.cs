namespace InclusionCases.Domain.Reports;

/// <summary>
/// Counts a breakdown from the report facts: cases for the case measures, the quarters' seen facts for
/// the street measures. People are counted once in the period, however many quarters, contacts or
/// linked records they have, in the zone and with the attributes of their last contact of the period.
/// </summary>
public static class Breakdowns
{
    /// <summary>The value of a dimension nobody recorded.</summary>
    public const string Unknown = AgeBands.Unknown;

    private static readonly IReadOnlyList<string> Genders = ["female", "male", "nonBinary", "undisclosed", Unknown];
    private static readonly IReadOnlyList<string> Types = ["housingFirst", "homelessness"];
    private static readonly IReadOnlyList<string> Disabilities = ["yes", "no", "undisclosed", Unknown];
    private static readonly IReadOnlyList<string> Residences = ["belgianOrEu", "validPermit", "pending", "noValidPermit", "undisclosed", Unknown];

    /// <summary>Whether a measure can be cut by a dimension: cases have a type but no zone; street contacts a zone but no type.</summary>
    public static bool Applies(ReportMeasure measure, ReportDimension dimension) => dimension switch
    {
        ReportDimension.Type => IsCaseMeasure(measure),
        ReportDimension.Zone => !IsCaseMeasure(measure),
        _ => true,
    };

    /// <summary>Whether the measure counts cases (else street contacts).</summary>
    public static bool IsCaseMeasure(ReportMeasure measure) => measure is ReportMeasure.CasesOpened or ReportMeasure.Housed or ReportMeasure.Retention6 or ReportMeasure.Retention12 or ReportMeasure.Retention24;

    /// <summary>The months after the move-in a retention measure looks at; 0 for other measures.</summary>
    public static int RetentionMonths(ReportMeasure measure) => measure switch
    {
        ReportMeasure.Retention6 => 6,
        ReportMeasure.Retention12 => 12,
        ReportMeasure.Retention24 => 24,
        _ => 0,
    };

    /// <summary>A zone as reports group it: trimmed, in lower case.</summary>
    public static string Normalise(string zone) => zone.Trim().ToLowerInvariant();

    /// <summary>The breakdown of <paramref name="measure"/> by <paramref name="by"/> from <paramref name="from"/> to <paramref name="to"/>, as of <paramref name="today"/>.</summary>
    public static BreakdownCounts Count(ReportMeasure measure, IReadOnlyList<ReportDimension> by, ReportQuarter from, ReportQuarter to, IEnumerable<CaseFact> cases, IEnumerable<SeenFact> seen, DateOnly today) =>
        Tabulate(by, Units(measure, from, to, cases, seen, today, unlinked: false));

    /// <summary>For <see cref="ReportMeasure.PersonsSeen"/> and <see cref="ReportMeasure.PersonsSeenBeddedDown"/>: the aliases seen per zone, apart; <c>null</c> for other measures.</summary>
    public static BreakdownCounts? CountUnlinked(ReportMeasure measure, IReadOnlyList<ReportDimension> by, ReportQuarter from, ReportQuarter to, IEnumerable<SeenFact> seen) =>
        measure is ReportMeasure.PersonsSeen or ReportMeasure.PersonsSeenBeddedDown
            ? Tabulate(by, Units(measure, from, to, [], seen, default, unlinked: true))
            : null;

    /// <summary>
    /// For the housing measures, each quarter of move-in from <paramref name="from"/> to <paramref name="to"/>:
    /// for <see cref="ReportMeasure.Housed"/> how many moved in and the median days from intake; for a
    /// retention measure how many were still housed and their share. Counts go through
    /// <see cref="Suppression"/> (retained and lost as two rows, so neither can be worked out from the
    /// other); a median or share is shown only beside counts that are.
    /// </summary>
    public static IReadOnlyList<MoveInQuarter> ByQuarterOfMoveIn(ReportMeasure measure, ReportQuarter from, ReportQuarter to, IEnumerable<CaseFact> cases, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var quarters = ReportQuarter.Range(from, to).ToList();
        var housed = cases.Where(c => c.MoveInDate is { } d && quarters.Contains(ReportQuarter.Of(d))).ToList();
        var months = RetentionMonths(measure);
        if (measure == ReportMeasure.Housed)
        {
            var counts = quarters.Select(q => housed.Where(c => ReportQuarter.Of(c.MoveInDate!.Value) == q).ToList()).ToList();
            var table = Suppression.Apply([[.. counts.Select(c => c.Count)]]);
            return [.. quarters.Select((q, i) => new MoveInQuarter(q, table.Cells[0][i], null, null, table.Cells[0][i] is > 0 ? Median(counts[i].Select(DaysToHoused)) : null) { Suppressed = table.Cells[0][i] is null })];
        }

        if (months == 0)
        {
            return [];
        }

        var eligible = quarters.Select(q => housed.Where(c => ReportQuarter.Of(c.MoveInDate!.Value) == q && c.MoveInDate!.Value.AddMonths(months) <= today).ToList()).ToList();
        var retained = eligible.Select(e => e.Count(c => Retained(c, months))).ToList();
        var split = Suppression.Apply([retained, [.. eligible.Select((e, i) => e.Count - retained[i])]]);
        return [.. quarters.Select((q, i) =>
        {
            var (kept, total) = (split.Cells[0][i], split.ColumnTotals[i]);
            var share = kept is { } k && total is > 0 and { } t && split.Cells[1][i] is not null ? Math.Round((double)k / t, 3) : (double?)null;
            return new MoveInQuarter(q, total, kept, share, null) { Suppressed = kept is null || total is null || split.Cells[1][i] is null };
        })];
    }

    private static bool Retained(CaseFact c, int months) => c.LeftHousingOn is not { } left || left > c.MoveInDate!.Value.AddMonths(months);

    private static int DaysToHoused(CaseFact c) => Math.Max(0, c.MoveInDate!.Value.DayNumber - c.OpenedOn.DayNumber);

    private static double Median(IEnumerable<int> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }

    // Each unit is one thing counted (a case, a person, an alias in a zone, a zone's contacts of a person)
    // with its value in every dimension and its weight.
    private static IEnumerable<(Func<ReportDimension, string> ValueOf, int Weight)> Units(
        ReportMeasure measure, ReportQuarter from, ReportQuarter to, IEnumerable<CaseFact> cases, IEnumerable<SeenFact> seen, DateOnly today, bool unlinked)
    {
        bool InPeriod(DateOnly day) => ReportQuarter.Of(day) >= from && ReportQuarter.Of(day) <= to;
        var months = RetentionMonths(measure);
        switch (measure)
        {
            case ReportMeasure.CasesOpened:
                return cases.Where(c => InPeriod(c.OpenedOn)).Select(c => CaseUnit(c, c.OpenedOn.Year));
            case ReportMeasure.Housed:
                return cases.Where(c => c.MoveInDate is { } d && InPeriod(d)).Select(c => CaseUnit(c, c.MoveInDate!.Value.Year));
            case ReportMeasure.Retention6 or ReportMeasure.Retention12 or ReportMeasure.Retention24:
                return cases.Where(c => c.MoveInDate is { } d && InPeriod(d) && d.AddMonths(months) <= today && Retained(c, months))
                    .Select(c => CaseUnit(c, c.MoveInDate!.Value.Year));
            case ReportMeasure.Contacts:
                return seen.Where(s => InPeriod(DayOf(s.LastSeenAt)))
                    .SelectMany(s => s.ContactsByZone.Select(z => (PersonValue(s.Person, s.LastSeenAt.Year, Normalise(z.Key)), z.Value)));
            default:
                var bedded = measure == ReportMeasure.PersonsSeenBeddedDown;
                return seen.Where(s => s.Kind == (unlinked ? SeenKind.Alias : SeenKind.Person) && InPeriod(DayOf(s.LastSeenAt)) && (!bedded || s.LastBeddedDownAt is not null))
                    .GroupBy(s => s.PersonKey, StringComparer.Ordinal)
                    .Select(g => bedded ? g.MaxBy(s => s.LastBeddedDownAt)! : g.MaxBy(s => s.LastSeenAt)!)
                    .Select(s => (PersonValue(s.Person, (bedded ? s.LastBeddedDownAt!.Value : s.LastSeenAt).Year, Normalise(bedded ? s.BeddedDownZone! : s.Zone)), 1));
        }
    }

    private static (Func<ReportDimension, string>, int) CaseUnit(CaseFact c, int year)
    {
        var person = PersonValue(c.Person, year, Unknown);
        return (d => d == ReportDimension.Type ? Name(c.Type.ToString()) : person(d), 1);
    }

    private static Func<ReportDimension, string> PersonValue(ReportedPerson person, int year, string zone) => d => d switch
    {
        ReportDimension.Gender => person.Gender is { } g ? Name(g.ToString()) : Unknown,
        ReportDimension.AgeBand => AgeBands.Of(person.BirthYear, year),
        ReportDimension.DisabilityStatus => person.DisabilityStatus is { } s ? Name(s.ToString()) : Unknown,
        ReportDimension.ResidenceStatus => person.ResidenceStatus is { } r ? Name(r.ToString()) : Unknown,
        ReportDimension.Zone => zone,
        _ => Unknown,
    };

    private static BreakdownCounts Tabulate(IReadOnlyList<ReportDimension> by, IEnumerable<(Func<ReportDimension, string> ValueOf, int Weight)> units)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (by.Count is < 1 or > 2)
        {
            throw new ArgumentException("A breakdown is by one or two dimensions.", nameof(by));
        }

        var rows = units.Select(u => (Values: by.Select(u.ValueOf).ToList(), u.Weight)).ToList();
        var values = by.Select((d, i) => ValuesOf(d, rows.Select(r => r.Values[i]))).ToList();
        var (first, second) = by.Count == 1 ? ([string.Empty], values[0]) : (values[0], values[1]);
        var counts = first.Select(a => (IReadOnlyList<int>)[.. second.Select(b => rows
            .Where(r => by.Count == 1 ? r.Values[0] == b : r.Values[0] == a && r.Values[1] == b)
            .Sum(r => r.Weight))]).ToList();
        return new BreakdownCounts(by, values, counts);
    }

    // Fixed lists, so a table's shape never tells which values occur; zones are those seen.
    private static IReadOnlyList<string> ValuesOf(ReportDimension dimension, IEnumerable<string> seen) => dimension switch
    {
        ReportDimension.Gender => Genders,
        ReportDimension.AgeBand => AgeBands.All,
        ReportDimension.Type => Types,
        ReportDimension.DisabilityStatus => Disabilities,
        ReportDimension.ResidenceStatus => Residences,
        _ => [.. seen.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
    };

    private static DateOnly DayOf(DateTimeOffset at) => Time.PlausibleDates.DayOf(at);

    private static string Name(string enumName) => char.ToLowerInvariant(enumName[0]) + enumName[1..];
}
