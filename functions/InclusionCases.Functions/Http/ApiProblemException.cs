
namespace InclusionCases.Functions.Http;

/// <summary>
/// A request that cannot be served as asked (4xx). Thrown by application services and turned into a
/// problem+json response by the request pipeline, so functions stay thin adapters.
/// </summary>
public sealed class ApiProblemException : Exception
{
    public ApiProblemException(ProblemType type, string detail, IReadOnlyDictionary<string, string[]>? errors = null, IReadOnlyDictionary<string, object>? extensions = null)
        : base(detail)
    {
        Type = type;
        Errors = errors;
        Extensions = extensions;
    }

    public ApiProblemException()
        : this(ProblemTypes.Unexpected, "Unexpected error.")
    {
    }

    public ApiProblemException(string message)
        : this(ProblemTypes.Unexpected, message)
    {
    }

    public ApiProblemException(string message, Exception innerException)
        : base(message, innerException)
    {
        Type = ProblemTypes.Unexpected;
    }

    public ProblemType Type { get; }

    public IReadOnlyDictionary<string, string[]>? Errors { get; }

    public IReadOnlyDictionary<string, object>? Extensions { get; }

    public static ApiProblemException Invalid(string field, string message) =>
        new(ProblemTypes.Validation, "The request is not valid; see errors.", new Dictionary<string, string[]> { [field] = [message] });

    public static ApiProblemException Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(ProblemTypes.Validation, "The request is not valid; see errors.", errors);

    /// <summary>The same answer as for a resource that does not exist: the caller learns nothing.</summary>
    public static ApiProblemException NotFound(string what) => new(ProblemTypes.NotFound, $"No {what} with that id was found.");

    public static ApiProblemException Forbidden(string detail) => new(ProblemTypes.Forbidden, detail);

    public static ApiProblemException Conflict(string detail, IReadOnlyDictionary<string, object>? extensions = null) => new(ProblemTypes.Conflict, detail, extensions: extensions);
}
