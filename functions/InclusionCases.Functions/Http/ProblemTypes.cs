using InclusionCases.Functions.Localization;

namespace InclusionCases.Functions.Http;

/// <summary>
/// The problem types of the API. Each is a stable identifier partners may switch on; the base URI
/// is a name, not (yet) a page. Titles follow the request's language; type URIs never do.
/// </summary>
public static class ProblemTypes
{
    public const string Base = "https://inclusioncases.example/problems/";

    public static readonly ProblemType Unauthorized = new(Base + "unauthorized", ApiText.TitleUnauthorized, 401);
    public static readonly ProblemType Forbidden = new(Base + "forbidden", ApiText.TitleForbidden, 403);
    public static readonly ProblemType NotFound = new(Base + "not-found", ApiText.TitleNotFound, 404);
    public static readonly ProblemType Validation = new(Base + "validation", ApiText.TitleValidation, 400);
    public static readonly ProblemType Conflict = new(Base + "conflict", ApiText.TitleConflict, 409);
    public static readonly ProblemType Erased = new(Base + "erased", ApiText.TitleErased, 410);
    public static readonly ProblemType ConsentRequired = new(Base + "consent-required", ApiText.TitleConsentRequired, 409);
    public static readonly ProblemType IdempotencyKeyInUse = new(Base + "idempotency-key-in-use", ApiText.TitleIdempotencyKeyInUse, 409);
    public static readonly ProblemType IdempotencyKeyReused = new(Base + "idempotency-key-reused", ApiText.TitleIdempotencyKeyReused, 422);
    public static readonly ProblemType PreconditionFailed = new(Base + "precondition-failed", ApiText.TitlePreconditionFailed, 412);
    public static readonly ProblemType PreconditionRequired = new(Base + "precondition-required", ApiText.TitlePreconditionRequired, 428);
    public static readonly ProblemType PayloadTooLarge = new(Base + "payload-too-large", ApiText.TitlePayloadTooLarge, 413);
    public static readonly ProblemType UnsupportedMediaType = new(Base + "unsupported-media-type", ApiText.TitleUnsupportedMediaType, 415);
    public static readonly ProblemType TooManyRequests = new(Base + "too-many-requests", ApiText.TitleTooManyRequests, 429);
    public static readonly ProblemType StorageUnavailable = new(Base + "storage-unavailable", ApiText.TitleStorageUnavailable, 503);
    public static readonly ProblemType Unexpected = new(Base + "unexpected", ApiText.TitleUnexpected, 500);
}
