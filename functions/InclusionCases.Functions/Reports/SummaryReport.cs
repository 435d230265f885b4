namespace InclusionCases.Functions.Reports;

/// <summary>
/// Aggregated figures over a period of months: cases by type and status, contacts by zone and need,
/// tenancy retention 6 and 12 months after move-in, median days from intake to housed; and, as of
/// today whatever the period, the open follow-up tasks past their due date, by kind.
/// </summary>
public sealed record SummaryReport(
    string From,
    string To,
    IReadOnlyList<CaseCount> Cases,
    SuppressedCount CasesTotal,
    IReadOnlyList<NamedCount> ContactsByZone,
    IReadOnlyList<NamedCount> ContactsByNeed,
    SuppressedCount ContactsTotal,
    Retention RetentionSixMonths,
    Retention RetentionTwelveMonths,
    SuppressedCount MedianDaysIntakeToHoused,
    IReadOnlyList<NamedCount> OverdueTasksByKind,
    SuppressedCount OverdueTasksTotal);

/// <summary>Cases of one type in one status.</summary>
public sealed record CaseCount(string Type, string Status, SuppressedCount Count);

/// <summary>A count by zone, need or task kind.</summary>
public sealed record NamedCount(string Name, SuppressedCount Count);

/// <summary>Of the cases that moved in at least that long before the end of the period (and within it), how many, and the share still housed.</summary>
public sealed record Retention(SuppressedCount Housed, SuppressedCount Share);
