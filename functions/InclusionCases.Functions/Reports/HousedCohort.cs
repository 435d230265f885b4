namespace InclusionCases.Functions.Reports;

/// <summary>Cases that moved in during one month: how many, how many are still housed, and the days each took from intake.</summary>
public sealed class HousedCohort
{
    public int Total { get; set; }

    public int StillHoused { get; set; }

    /// <summary>Days from intake to housed → number of cases.</summary>
    public Dictionary<int, int> Days { get; init; } = [];
}
