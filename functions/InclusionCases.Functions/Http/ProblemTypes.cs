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
    public static readonly ProblemType StorageUnavailable = new(Base + "storage-unavailable", "Storage is unavailable", 503);
    public static readonly ProblemType Unexpected = new(Base + "unexpected", "Unexpected error", 500);
}
