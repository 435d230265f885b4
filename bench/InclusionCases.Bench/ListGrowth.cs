namespace InclusionCases.Bench;

/// <summary>"List my cases" with 1k and with 50k cases in the organisation, next to the raw index query it makes.</summary>
internal sealed record ListGrowth(Measurement Api1k, Measurement Api50k, Measurement Raw1k, Measurement Raw50k)
{
    public double ApiGrowth => Api50k.P50 / Api1k.P50;

    public double RawGrowth => Raw50k.P50 / Raw1k.P50;
}
