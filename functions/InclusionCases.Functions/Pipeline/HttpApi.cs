using System.Runtime.CompilerServices;
using InclusionCases.Domain.Access;
using InclusionCases.Domain.Identity;
using InclusionCases.Domain.Persons;
using InclusionCases.Functions.Audit;
using InclusionCases.Functions.Hosting;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Idempotency;
using InclusionCases.Functions.Identity;
using InclusionCases.Functions.Localization;
using InclusionCases.Functions.PersonFile;
using InclusionCases.Functions.Storage;
using InclusionCases.Functions.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.Extensions.Logging;

namespace InclusionCases.Functions.Pipeline;

/// <summary>
/// The one request pipeline every HTTP function runs through. A function declares its operation once,
/// in its <see cref="ApiDocAttribute"/>; the pipeline finds it by the function's name, then:
/// authenticates the bearer token and resolves the caller's membership; applies the role table
/// (<see cref="AccessPolicy.Roles"/>); marks the response <c>Cache-Control: no-store</c>; runs the
/// function (once per caller and <c>Idempotency-Key</c> on routes declared <see cref="ApiDocAttribute.Idempotent"/>,
/// see <see cref="IdempotentRequests"/>); settles the request's audit entry (<see cref="RequestAudit"/>: every refusal of an
/// authenticated caller, by role or by resource, is recorded as denied); and maps failures to
/// problem+json (storage outages to 503 with Retry-After, bugs to a 500 without details). Every answer
/// is counted by function and status class (<see cref="OperationalMetrics"/>), and the function's logs
/// carry a scope with the function, its route template, the person id the path names (when it is a
/// valid one) and the caller's organisation: never a raw path segment or a query. Functions
/// call it from their body rather than relying on a host middleware, so the Functions host and the
/// local host run exactly the same code.
/// </summary>
public sealed partial class HttpApi(CallerAuthenticator authenticator, AuditLog audit, IdempotentRequests idempotency, PersonFileAccess files, OperationalMetrics metrics, TimeProvider clock, ILogger<HttpApi> logger)
{
    // Every HTTP function of the app by its method name, discovered once: its declaration and its route template.
    private static readonly Lazy<IReadOnlyDictionary<string, HttpFunction>> Functions = new(() =>
        FunctionCatalog.Discover([typeof(HttpApi).Assembly]).Http.ToDictionary(f => f.Method.Name, StringComparer.Ordinal));

    public delegate Task<IActionResult> CallerHandler(Caller caller, CancellationToken cancellationToken);

    /// <summary>The declaration of the function named <paramref name="function"/> (its method name).</summary>
    public static ApiDocAttribute DocOf(string function) =>
        Functions.Value.GetValueOrDefault(function)?.Doc is { } doc ? doc : throw new InvalidOperationException($"The function '{function}' has no [ApiDoc]: its operation is not declared.");

    /// <summary>Runs <paramref name="handle"/> for an authenticated caller allowed by the role table for the function's operation.</summary>
    public Task<IActionResult> HandleAsync(HttpRequest request, CallerHandler handle, [CallerMemberName] string function = "")
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(handle);
        var context = request.HttpContext;
        // Personal data must not sit in a browser, proxy or gateway cache: set before anything can fail.
        context.Response.Headers.CacheControl = "no-store";
        return GuardAsync(context, function, async cancellationToken =>
        {
            var doc = DocOf(function);
            if (doc.Anonymous)
            {
                throw new InvalidOperationException($"The function '{function}' is declared anonymous but asks for a caller.");
            }

            var authentication = await authenticator.AuthenticateAsync(context, cancellationToken);
            if (authentication.Unauthenticated is { } why)
            {
                return ApiResults.Unauthorized(context, why, authentication.TokenPresented);
            }

            if (authentication.Forbidden is { } refusal)
            {
                await audit.WriteAsync(MembershipRefusal(authentication.UserId!, context), cancellationToken);
                return ApiResults.Problem(context, ProblemTypes.Forbidden, refusal);
            }

            var caller = authentication.Caller!;
            using var callerScope = logger.BeginScope(new Dictionary<string, object> { ["OrganisationId"] = caller.OrganisationId });
            var requestAudit = new RequestAudit(caller, doc.AnyRole ? AuditAction.SignIn : AuditAction.Of(doc.Operation), Resource(context), PersonNamed(context));
            using var scope = RequestAudit.Begin(requestAudit);
            IActionResult result;
            try
            {
                if (!doc.AnyRole && !AccessPolicy.MayPerform(caller, doc.Operation))
                {
                    LogRoleRefused(logger, function);
                    throw ApiProblemException.Forbidden(ApiText.RoleMayNotDoThis);
                }

                RefuseWhatTheRouteDoesNotRead(request, doc);
                if (IdempotencyKeyOf(request) is { } key)
                {
                    var body = await RequestBody.BufferAsync(request, cancellationToken);
                    var fingerprint = RequestFingerprint.Of(request.Method, request.Path.Value ?? string.Empty, body);
                    result = await idempotency.RunAsync(
                        context, caller.Id, key, fingerprint, () => AnswerProblemsAsync(context, doc, () => handle(caller, cancellationToken)), answer => PersonNamedIn(Shown(answer, requestAudit)) ?? requestAudit.DefaultPersonId, cancellationToken);
                    if (result is StoredResponse replayed)
                    {
                        // Nothing was done again, but the first answer (personal data, for a creation) was shown again.
                        var shown = Shown(replayed, requestAudit);
                        if (replayed.Status is >= 200 and < 300)
                        {
                            await RequireStillAllowedAsync(caller, doc, context, shown, cancellationToken);
                        }

                        requestAudit.Attempt(AuditAction.RequestReplay, shown, PersonNamedIn(shown) ?? requestAudit.DefaultPersonId, clock.GetUtcNow());
                    }
                }
                else
                {
                    result = await handle(caller, cancellationToken);
                }
            }
            catch (ApiProblemException problem)
            {
                result = ApiResults.Problem(context, AsThisRouteAnswers(problem, doc));
            }

            await SettleAsync(requestAudit, StatusOf(result), cancellationToken);
            return result;
        });
    }

    /// <summary>Runs <paramref name="handle"/> for a route that needs no token (health, OpenAPI).</summary>
    public Task<IActionResult> HandleAnonymousAsync(HttpRequest request, Func<CancellationToken, Task<IActionResult>> handle, [CallerMemberName] string function = "")
    {
        ArgumentNullException.ThrowIfNull(request);
        return GuardAsync(request.HttpContext, function, cancellationToken =>
        {
            var doc = DocOf(function);
            if (!doc.Anonymous)
            {
                throw new InvalidOperationException($"The function '{function}' is not declared anonymous.");
            }

            RefuseWhatTheRouteDoesNotRead(request, doc);
            return handle(cancellationToken);
        });
    }

    // Nothing is ignored, before anything is done: a body the route does not read, or an Idempotency-Key
    // where none is taken (ignoring it would let a client believe its retries are safe here), is a 400.
    private static void RefuseWhatTheRouteDoesNotRead(HttpRequest request, ApiDocAttribute doc)
    {
        if (doc.Request is null && HasBody(request))
        {
            throw ApiProblemException.Invalid("$", ApiText.RouteTakesNoBody);
        }

        if (!doc.Idempotent && request.Headers.ContainsKey(IdempotencyKey.HeaderName))
        {
            throw ApiProblemException.Invalid(IdempotencyKey.HeaderName, ApiText.RouteTakesNoIdempotencyKey);
        }
    }

    /// <summary>
    /// Writes what the request's audit entry still lacks: a refusal (403, 404, 410, 429) as denied, under the
    /// attempt declared or else the route's action; an attempt declared but not yet stored, as allowed.
    /// </summary>
    private async Task SettleAsync(RequestAudit request, int status, CancellationToken cancellationToken)
    {
        var refused = status is StatusCodes.Status403Forbidden or StatusCodes.Status404NotFound or StatusCodes.Status410Gone or StatusCodes.Status429TooManyRequests;
        if (refused)
        {
            var entry = request.Entry ?? request.Attempt(request.DefaultAction, request.DefaultResource, request.DefaultPersonId, clock.GetUtcNow());
            await audit.WriteAsync(entry with { Outcome = AuditOutcome.Denied }, cancellationToken);
        }
        else if (request.Entry is { } entry && !request.Stored)
        {
            await audit.WriteAsync(entry, cancellationToken);
        }
    }

    /// <summary>The request's <c>Idempotency-Key</c>, if it sent one (the route takes one); a malformed one is a 400.</summary>
    private static string? IdempotencyKeyOf(HttpRequest request)
    {
        var values = request.Headers[IdempotencyKey.HeaderName];
        if (values.Count == 0)
        {
            return null;
        }

        return values.Count == 1 && IdempotencyKey.IsValid(values[0])
            ? values[0]
            : throw ApiProblemException.Invalid(IdempotencyKey.HeaderName, ApiText.IdempotencyKeyFormat(IdempotencyKey.MaxLength));
    }

    // A kept answer is personal data: shown again only while the caller could still do what made it,
    // on the person and case the request names (or, for a new case, may still read the case it made).
    private Task RequireStillAllowedAsync(Caller caller, ApiDocAttribute doc, HttpContext context, string shown, CancellationToken cancellationToken)
    {
        var requested = context.Request.Path.Value;
        var (path, operation) = PersonNamedIn(requested) is null ? ("/api/" + shown, ApiOperation.ReadCase) : (requested, doc.Operation);
        var caseId = (path ?? string.Empty).Split('/').FirstOrDefault(segment => PersonFile.RecordIds.PersonOfCase(segment) is not null);
        return PersonNamedIn(path) is { } personId
            ? files.RequireStillAllowedAsync(caller, operation, personId, caseId, cancellationToken)
            : Task.CompletedTask;
    }

    // What a kept answer shows: the record its Location names (a creation), else what the request named.
    private static string Shown(StoredResponse answer, RequestAudit request) =>
        ResourceIn(answer.Headers.GetValueOrDefault(Microsoft.Net.Http.Headers.HeaderNames.Location)) ?? request.DefaultResource;

    // The function's own refusals become answers here, so an idempotent request keeps them as its first answer.
    private static async Task<IActionResult> AnswerProblemsAsync(HttpContext context, ApiDocAttribute doc, Func<Task<IActionResult>> handle)
    {
        try
        {
            return await handle();
        }
        catch (ApiProblemException problem)
        {
            return ApiResults.Problem(context, AsThisRouteAnswers(problem, doc));
        }
    }

    // A write that lost a race with another is refused by storage as a stale ETag. On a route that takes
    // If-Match that is the client's 412; on any other it is a conflict the client did not cause: 409, retry.
    private static ApiProblemException AsThisRouteAnswers(ApiProblemException problem, ApiDocAttribute doc) =>
        problem.Type == ProblemTypes.PreconditionFailed && !doc.Conditional
            ? new ApiProblemException(ProblemTypes.Conflict, ApiText.RecordChanged)
            : problem;

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);

    private AuditEntry MembershipRefusal(string userId, HttpContext context) =>
        new(EntryIds.New(), clock.GetUtcNow(), userId, string.Empty, AuditAction.SignIn, Resource(context), null, AuditOutcome.Denied);

    private static int StatusOf(IActionResult result) => result switch
    {
        JsonBodyResult json => json.StatusCode,
        IStatusCodeActionResult coded => coded.StatusCode ?? StatusCodes.Status200OK,
        _ => StatusCodes.Status200OK,
    };

    // The path below /api, e.g. "cases/p…-c…/notes": what the request named, never its query string.
    private static string Resource(HttpContext context) => ResourceIn(context.Request.Path.Value) ?? context.Request.Path.Value ?? string.Empty;

    private static string? ResourceIn(string? path) => path?.TrimStart('/') is { } trimmed && trimmed.StartsWith("api/", StringComparison.Ordinal) ? trimmed[4..] : null;

    // The person a route names (a person, case or referral id in the path), so a refused attempt also
    // shows in that person's audit partition. Read from the path: both hosts have it, not both route values.
    private static string? PersonNamed(HttpContext context) => PersonNamedIn(context.Request.Path.Value);

    private static string? PersonNamedIn(string? path) => (path ?? string.Empty)
        .Split('/')
        .Select(segment => PersonIds.IsValid(segment) ? segment : PersonFile.RecordIds.PersonOfCase(segment) ?? PersonFile.RecordIds.PersonOfReferral(segment) ?? PersonFile.RecordIds.PersonOfTask(segment))
        .FirstOrDefault(personId => personId is not null);

    private async Task<IActionResult> GuardAsync(HttpContext context, string function, Func<CancellationToken, Task<IActionResult>> handle)
    {
        // The route template, not the path: a path segment is whatever the caller typed, names included.
        var scopeValues = new Dictionary<string, object> { ["Operation"] = function, ["Route"] = Functions.Value.GetValueOrDefault(function)?.Route ?? string.Empty };
        if (PersonNamed(context) is { } personId)
        {
            scopeValues["PersonId"] = personId;
        }

        using var scope = logger.BeginScope(scopeValues);
        var result = await AnswerAsync(context, handle);
        var status = StatusOf(result);
        metrics.RequestAnswered(function, status);
        LogAnswered(logger, function, status);
        return result;
    }

    private async Task<IActionResult> AnswerAsync(HttpContext context, Func<CancellationToken, Task<IActionResult>> handle)
    {
        var cancellationToken = context.RequestAborted;
        try
        {
            return await handle(cancellationToken);
        }
        catch (ApiProblemException problem)
        {
            return ApiResults.Problem(context, problem);
        }
        catch (Exception ex) when (StorageFaults.IsUnavailable(ex) && !cancellationToken.IsCancellationRequested)
        {
            LogStorageUnavailable(logger, context.Request.Method, context.Request.Path, ex.GetType().Name);
            return ApiResults.StorageUnavailable(context);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogUnexpected(logger, ex, context.Request.Method, context.Request.Path);
            return ApiResults.Problem(context, ProblemTypes.Unexpected, ApiText.UnexpectedFailure);
        }
    }

    // Path only: query strings may carry personal data and are never logged.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage unavailable during {Method} {Path} ({ExceptionType}); answered 503")]
    private static partial void LogStorageUnavailable(ILogger logger, string method, PathString path, string exceptionType);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Function} answered {Status}")]
    private static partial void LogAnswered(ILogger logger, string function, int status);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Function}: the caller's role may not perform it; answered 403")]
    private static partial void LogRoleRefused(ILogger logger, string function);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled failure during {Method} {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, PathString path);
}
