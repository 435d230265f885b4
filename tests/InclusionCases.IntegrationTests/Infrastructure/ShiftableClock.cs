namespace InclusionCases.IntegrationTests.Infrastructure;

/// <summary>The system clock moved forward by <see cref="Offset"/>, so a test can let a consent expire.</summary>
public sealed class ShiftableClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
