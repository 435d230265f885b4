namespace InclusionCases.Functions.Reports;

/// <summary>
/// The counters of one month, recomputed from that month's facts: cases by status and type, the
/// housed ones by move-in month (total, still housed, days from intake to housed), contacts by zone
/// and need. Sums of months give any report; no case is read to answer one.
/// </summary>
public sealed class MonthlyRollup
{
    public Dictionary<string, int> Cells { get; init; } = [];

    public Dictionary<string, HousedCohort> Housed { get; init; } = [];

    public Dictionary<string, int> Zones { get; init; } = [];

    public Dictionary<string, int> Needs { get; init; } = [];

    public int Contacts { get; init; }
}
