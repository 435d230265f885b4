namespace InclusionCases.Functions.Reports;

/// <summary>A count in a report; counts from 1 to 4 are suppressed (<c>value</c> null) so no person can be singled out.</summary>
public sealed record SuppressedCount(double? Value, bool Suppressed)
{
    public const int Threshold = 5;

    public static SuppressedCount Of(int count) => count is > 0 and < Threshold ? new(null, true) : new(count, false);

    public static SuppressedCount Hidden { get; } = new(null, true);
}
