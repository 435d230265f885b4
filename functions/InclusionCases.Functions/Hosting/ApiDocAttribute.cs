using InclusionCases.Domain.Access;

namespace InclusionCases.Functions.Hosting;

/// <summary>
/// Describes an HTTP function for the OpenAPI document: what it does, what it takes and answers,
/// and which access decision applies (the roles come from <see cref="AccessPolicy.Roles"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ApiDocAttribute(string summary) : Attribute
{
    public string Summary { get; } = summary;

    /// <summary>The status of a successful answer.</summary>
    public int Success { get; init; } = 200;

    /// <summary>The request body's type, if any; a route without one refuses a body (400).</summary>
    public Type? Request { get; init; }

    /// <summary>Whether the <see cref="Request"/> body may be left out.</summary>
    public bool RequestOptional { get; init; }

    /// <summary>A second successful status with the same body (e.g. 200 when a PUT changed rather than created), or 0.</summary>
    public int AlsoSuccess { get; init; }

    /// <summary>Whether a created (201) or accepted (202) answer carries a <c>Location</c> header.</summary>
    public bool Location { get; init; }

    /// <summary>Whether the successful answer carries the record's <c>ETag</c>, for a later <c>If-Match</c>.</summary>
    public bool ETag { get; init; }

    /// <summary>Whether a 409 may be a workflow refusal naming the current status and the allowed moves.</summary>
    public bool WorkflowConflict { get; init; }

    /// <summary>The successful answer's body type, if any.</summary>
    public Type? Response { get; init; }

    /// <summary>Query parameters the route reads.</summary>
    public string[] Query { get; init; } = [];

    /// <summary>No token needed.</summary>
    public bool Anonymous { get; init; }

    /// <summary>Any authenticated member may call it, whatever the role.</summary>
    public bool AnyRole { get; init; }

    /// <summary>The operation whose roles apply, unless <see cref="Anonymous"/> or <see cref="AnyRole"/>.</summary>
    public ApiOperation Operation { get; init; }

    /// <summary>Whether the route takes <c>If-Match</c> (and so answers 412 and 428).</summary>
    public bool Conditional { get; init; }

    /// <summary>
    /// Whether the route takes an <c>Idempotency-Key</c> (a creating POST), handled by the request
    /// pipeline; any other route refuses the header (400) rather than ignore it.
    /// </summary>
    public bool Idempotent { get; init; }

    /// <summary>Whether calls are limited per caller (429 with <c>Retry-After</c> beyond the limit).</summary>
    public bool RateLimited { get; init; }

    /// <summary>The success can also be CSV (<c>Accept: text/csv</c>).</summary>
    public bool Csv { get; init; }
}
