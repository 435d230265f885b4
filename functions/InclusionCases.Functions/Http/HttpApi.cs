using InclusionCases.Domain.Identity;
using InclusionCases.Functions.Identity;
using InclusionCases.Functions.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace InclusionCases.Functions.Http;

/// <summary>
/// The cross-cutting part of every HTTP function: authentication, membership resolution and the
/// mapping of failures to problem+json (storage outages to 503 with Retry-After, bugs to a 500
/// without details). Functions call it from their body rather than relying on a host middleware,
/// so the Functions host and the local host run exactly the same code.
/// </summary>
public sealed partial class HttpApi(CallerAuthenticator authenticator, ILogger<HttpApi> logger)
{
    public delegate Task<IActionResult> CallerHandler(Caller caller, CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="handle"/> for an authenticated caller with a membership.</summary>
    public Task<IActionResult> HandleAsync(HttpRequest request, CallerHandler handle)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(handle);
        return GuardAsync(request.HttpContext, async cancellationToken =>
        {
            var authentication = await authenticator.AuthenticateAsync(request.HttpContext, cancellationToken);
            if (authentication.Unauthenticated is { } why)
            {
                return ApiResults.Unauthorized(request.HttpContext, why, authentication.TokenPresented);
            }

            if (authentication.Forbidden is { } refusal)
            {
                return ApiResults.Problem(request.HttpContext, ProblemTypes.Forbidden, refusal);
            }

            return await handle(authentication.Caller!, cancellationToken);
        });
    }

    /// <summary>Runs <paramref name="handle"/> for a route that needs no token (health, OpenAPI).</summary>
    public Task<IActionResult> HandleAnonymousAsync(HttpRequest request, Func<CancellationToken, Task<IActionResult>> handle)
    {
        ArgumentNullException.ThrowIfNull(request);
        return GuardAsync(request.HttpContext, handle);
    }

    private async Task<IActionResult> GuardAsync(HttpContext context, Func<CancellationToken, Task<IActionResult>> handle)
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
            return ApiResults.Problem(context, ProblemTypes.Unexpected, "The request failed unexpectedly. Quote the trace id when reporting it.");
        }
    }

    // Path only: query strings may carry personal data and are never logged.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage unavailable during {Method} {Path} ({ExceptionType}); answered 503")]
    private static partial void LogStorageUnavailable(ILogger logger, string method, PathString path, string exceptionType);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled failure during {Method} {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, PathString path);
}
