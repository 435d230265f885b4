namespace InclusionCases.Bench;

/// <summary>
/// Where a single 500-contact batch's time goes (medians, ms after sending): accepted (the 202 with
/// its chunks queued), first chunk seen stored (queue pick-up plus one chunk), all chunks stored.
/// </summary>
internal sealed record IntakeStages(int Batches, double AcceptedMs, double FirstStoredMs, double CompletedMs);
