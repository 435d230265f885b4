namespace InclusionCases.Functions.Http;

/// <summary>
/// The problem types of the API. Each is a stable identifier partners may switch on; the base URI
/// is a name, not (yet) a page.
/// </summary>
public static class ProblemTypes
{
    public const string Base = "https://inclusioncases.example/problems/";

    public static readonly ProblemType Unauthorized = new(Base + "unauthorized", "Authentication required", 401);
    public static readonly ProblemType Forbidden = new(Base + "forbidden", "Not allowed", 403);
    public static readonly ProblemType NotFound = new(Base + "not-found", "Not found", 404);
    public static readonly ProblemType Validation = new(Base + "validation", "The request is not valid", 400);
    public static readonly ProblemType Conflict = new(Base + "conflict", "Conflict with the current state", 409);
    public static readonly ProblemType Erased = new(Base + "erased", "The person's data was erased", 410);
    public static readonly ProblemType ConsentRequired = new(Base + "consent-required", "No consent covers the organisation", 409);
    public static readonly ProblemType IdempotencyKeyInUse = new(Base + "idempotency-key-in-use", "A request with this Idempotency-Key is still running", 409);
    public static readonly ProblemType IdempotencyKeyReused = new(Base + "idempotency-key-reused", "The Idempotency-Key was used for another request", 422);
    public static readonly ProblemType PreconditionFailed = new(Base + "precondition-failed", "The resource has changed", 412);
    public static readonly ProblemType PreconditionRequired = new(Base + "precondition-required", "If-Match is required", 428);
    public static readonly ProblemType PayloadTooLarge = new(Base + "payload-too-large", "The request body is too large", 413);
    public static readonly ProblemType UnsupportedMediaType = new(Base + "unsupported-media-type", "The request body must be JSON", 415);
    public static readonly ProblemType StorageUnavailable = new(Base + "storage-unavailable", "Storage is unavailable", 503);
    public static readonly ProblemType Unexpected = new(Base + "unexpected", "Unexpected error", 500);
}
