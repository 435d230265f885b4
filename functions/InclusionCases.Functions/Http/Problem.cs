using System.Text.Json.Serialization;

namespace InclusionCases.Functions.Http;

/// <summary>An RFC 9457 problem document, as every error of the API is answered.</summary>
public sealed record Problem
{
    /// <summary>A stable URI naming the kind of problem; see <see cref="ProblemTypes"/>.</summary>
    public required string Type { get; init; }

    /// <summary>A short, human-readable summary of the kind of problem.</summary>
    public required string Title { get; init; }

    /// <summary>The HTTP status code.</summary>
    public required int Status { get; init; }

    /// <summary>What went wrong with this request, for a person to read.</summary>
    public string? Detail { get; init; }

    /// <summary>The request's trace id, to quote when asking the operators.</summary>
    public string? TraceId { get; init; }

    /// <summary>For 400: the fields that were wrong, each with its messages.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    /// <summary>Members particular to a problem type, e.g. <c>allowed</c> status moves on a 409.</summary>
    [JsonExtensionData]
    public IDictionary<string, object>? Extensions { get; init; }
}
