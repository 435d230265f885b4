namespace InclusionCases.Functions.Telemetry;

/// <summary>A timer function's last successful and last failed run, as stored in <see cref="Heartbeats"/>.</summary>
public sealed record TimerHeartbeat(string Timer, DateTimeOffset? LastSuccess, DateTimeOffset? LastFailure, string? LastFailureReason);
