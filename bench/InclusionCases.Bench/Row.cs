namespace InclusionCases.Bench;

/// <summary>A line of the report: a measurement, the raw baseline it is compared with, and a note.</summary>
internal sealed record Row(Measurement Measured, Measurement? Baseline = null)
{
    public string? Note { get; init; }

    public double? Ratio => Baseline is null ? null : Measured.P50 / Baseline.P50;
}
