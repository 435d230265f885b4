namespace InclusionCases.Functions.Telemetry;

/// <summary>The outbox as the sweeper last saw it: how many rows waited, and since when the oldest.</summary>
public sealed record OutboxObservation(DateTimeOffset ObservedAt, DateTimeOffset? OldestCreatedAt, int Rows);
