namespace InclusionCases.Bench;

/// <summary>
/// Contact intake at one concurrency: our contacts stored per second, the raw replay of the same
/// storage calls (contacts per second), and the raw batched-insert rate (small entities per second).
/// </summary>
internal sealed record IntakeRates(int Concurrency, double Contacts, double Replay, double RawEntities);
