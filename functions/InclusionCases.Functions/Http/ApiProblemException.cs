using InclusionCases.Domain.Text;
using InclusionCases.Functions.Localization;

namespace InclusionCases.Functions.Http;

/// <summary>
/// A request that cannot be served as asked (4xx). Thrown by application services and turned into a
/// problem+json response by the request pipeline, so functions stay thin adapters. Its texts are
/// <see cref="Message"/>s, rendered in the request's language only when the answer is written; the
/// exception's own <see cref="Exception.Message"/> is the English detail, for logs.
/// </summary>
public sealed class ApiProblemException : Exception
{
    public ApiProblemException(ProblemType type, Message detail, IReadOnlyDictionary<string, Message[]>? errors = null, IReadOnlyDictionary<string, object>? extensions = null)
        : base(detail?.English())
    {
        ArgumentNullException.ThrowIfNull(detail);
        Type = type;
        Detail = detail;
        Errors = errors;
        Extensions = extensions;
    }

    public ApiProblemException()
        : this(ProblemTypes.Unexpected, ApiText.UnexpectedError)
    {
    }

    public ApiProblemException(string message)
        : base(message)
    {
        Type = ProblemTypes.Unexpected;
        Detail = ApiText.UnexpectedError;
    }

    public ApiProblemException(string message, Exception innerException)
        : base(message, innerException)
    {
        Type = ProblemTypes.Unexpected;
        Detail = ApiText.UnexpectedError;
    }

    public ProblemType Type { get; }

    /// <summary>Seconds the client should wait before asking again (the <c>Retry-After</c> header), for a 429.</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>What went wrong, for the answer's <c>detail</c>.</summary>
    public Message Detail { get; }

    public IReadOnlyDictionary<string, Message[]>? Errors { get; }

    public IReadOnlyDictionary<string, object>? Extensions { get; }

    public static ApiProblemException Invalid(string field, Message message) =>
        new(ProblemTypes.Validation, ApiText.RequestInvalid, new Dictionary<string, Message[]> { [field] = [message] });

    public static ApiProblemException Invalid(IReadOnlyDictionary<string, Message[]> errors) =>
        new(ProblemTypes.Validation, ApiText.RequestInvalid, errors);

    /// <summary>The same answer as for a resource that does not exist: the caller learns nothing.</summary>
    public static ApiProblemException NotFound(Message detail) => new(ProblemTypes.NotFound, detail);

    public static ApiProblemException Forbidden(Message detail) => new(ProblemTypes.Forbidden, detail);

    public static ApiProblemException Conflict(Message detail, IReadOnlyDictionary<string, object>? extensions = null) => new(ProblemTypes.Conflict, detail, extensions: extensions);
}
