using Azure;

namespace InclusionCases.Functions.Idempotency;

/// <summary>
/// A key as stored: the fingerprint of the request it was first used for, until when it holds, and
/// either the first answer (<see cref="Response"/>) or, while that request runs, how long its holder's
/// lease lasts; and the person the kept answer shows, if any.
/// </summary>
public sealed record IdempotencyEntry(string Fingerprint, DateTimeOffset ExpiresAt, DateTimeOffset LeaseUntil, StoredResponse? Response, string? PersonId, ETag ETag)
{
    public bool Completed => Response is not null;
}
