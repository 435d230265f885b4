using Azure;

namespace InclusionCases.Functions.Idempotency;

/// <summary>A key held by the request now serving it: what it was reserved for and the row's ETag, so only its holder completes or releases it.</summary>
public sealed record IdempotencyReservation(string CallerId, string Key, string Fingerprint, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, ETag ETag);
