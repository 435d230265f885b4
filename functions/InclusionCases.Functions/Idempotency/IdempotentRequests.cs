using System.Globalization;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Localization;
using InclusionCases.Functions.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace InclusionCases.Functions.Idempotency;

/// <summary>
/// Runs a request that carries an <c>Idempotency-Key</c> at most once per caller and key within
/// <see cref="Retention"/>. The key is reserved first with an insert, so of concurrent identical
/// requests exactly one runs; the others wait for its answer (up to <see cref="MaxWait"/>, then 409
/// with Retry-After) and answer it again. The same key with another request is 422. A 2xx or 4xx
/// answer is kept (a retry gets the same refusal: fix the request and use a new key); a storage fault
/// or a bug releases the key, so the retry the 503 asks for can run.
/// </summary>
public sealed partial class IdempotentRequests(IdempotencyStore store, TimeProvider clock, ILogger<IdempotentRequests> logger)
{
    /// <summary>How long a key answers its first response again; an older key counts as unused.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a reservation blocks the key while its request runs. A reservation older than this
    /// was left by an instance that crashed or lost storage, and is taken over so the key does not
    /// stay blocked. The price: an instance that committed its change and then died before storing
    /// the answer lets a retry after the lease create again. A request runs for seconds, not minutes.
    /// </summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>How long a request waits for the first one with its key to finish.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    /// <summary>Seconds a client is told to wait when the first request with its key is still running.</summary>
    public const int InUseRetryAfterSeconds = 2;

    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(25);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The answer to the request: its own (<paramref name="handle"/> run once, its problems already
    /// answered as results), or the first answer to the key as a <see cref="StoredResponse"/>.
    /// <paramref name="personOf"/> names the person an answer shows, if any, so an erasure reaches it.
    /// </summary>
    public async Task<IActionResult> RunAsync(HttpContext context, string callerId, string key, string fingerprint, Func<Task<IActionResult>> handle, Func<StoredResponse, string?> personOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(handle);
        ArgumentNullException.ThrowIfNull(personOf);
        var started = clock.GetTimestamp();
        var poll = FirstPoll;
        var insert = true;
        while (true)
        {
            // Inserting again only once the row is gone: a waiting request polls with reads, not writes.
            var reservation = insert ? await store.TryReserveAsync(callerId, key, fingerprint, clock.GetUtcNow(), Retention, Lease, cancellationToken) : null;
            var entry = reservation is null ? await store.FindAsync(callerId, key, cancellationToken) : null;
            insert = reservation is null && entry is null;
            if (entry is not null)
            {
                var now = clock.GetUtcNow();
                var stale = entry.ExpiresAt <= now || (!entry.Completed && entry.LeaseUntil <= now && entry.Fingerprint == fingerprint);
                if (stale)
                {
                    reservation = await store.TryTakeOverAsync(callerId, key, fingerprint, now, Retention, Lease, entry, cancellationToken);
                }
                else if (entry.Fingerprint != fingerprint)
                {
                    throw new ApiProblemException(ProblemTypes.IdempotencyKeyReused, ApiText.IdempotencyKeyReused);
                }
                else if (entry.Response is { } first)
                {
                    return first;
                }
            }

            if (reservation is not null)
            {
                return await RunOnceAsync(reservation, handle, personOf);
            }

            // The first request is still running, or the key was released or changed hands between two calls: wait and look again.
            if (clock.GetElapsedTime(started) >= MaxWait)
            {
                LogStillRunning(logger, MaxWait.TotalSeconds);
                var inUse = ApiResults.Problem(context, ProblemTypes.IdempotencyKeyInUse, ApiText.IdempotencyKeyInUse);
                inUse.Headers[HeaderNames.RetryAfter] = InUseRetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                return inUse;
            }

            await Task.Delay(poll, clock, cancellationToken);
            poll = TimeSpan.FromTicks(Math.Min(poll.Ticks * 2, LongestPoll.Ticks));
        }
    }

    private async Task<IActionResult> RunOnceAsync(IdempotencyReservation reservation, Func<Task<IActionResult>> handle, Func<StoredResponse, string?> personOf)
    {
        IActionResult result;
        try
        {
            result = await handle();
        }
        catch
        {
            // A storage fault, a bug or an abandoned request: nothing is kept, so the retry runs afresh.
            await ReleaseQuietlyAsync(reservation);
            throw;
        }

        var answer = StoredResponse.From(result);
        if (answer is null || answer.Status >= StatusCodes.Status500InternalServerError)
        {
            await ReleaseQuietlyAsync(reservation);
            return result;
        }

        try
        {
            // Not the request's token: a change that was made must have its answer kept even if the client left.
            if (!await store.CompleteAsync(reservation, answer, personOf(answer), CancellationToken.None))
            {
                LogReservationLost(logger);
            }
        }
        catch (Exception ex) when (StorageFaults.IsUnavailable(ex))
        {
            // The change stands and its answer is true; the key stays pending until its lease ends.
            LogNotKept(logger, ex.GetType().Name);
        }

        return result;
    }

    private async Task ReleaseQuietlyAsync(IdempotencyReservation reservation)
    {
        try
        {
            await store.ReleaseAsync(reservation, CancellationToken.None);
        }
        catch (Exception ex) when (StorageFaults.IsUnavailable(ex))
        {
            // The lease ends the reservation instead.
            LogNotReleased(logger, ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The answer to an idempotent request could not be kept ({ExceptionType}); its key stays reserved until the lease ends")]
    private static partial void LogNotKept(ILogger logger, string exceptionType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An idempotency reservation could not be released ({ExceptionType}); the key frees itself when the lease ends")]
    private static partial void LogNotReleased(ILogger logger, string exceptionType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An idempotency reservation was taken over before its request finished (it ran past the lease); its answer was not kept")]
    private static partial void LogReservationLost(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "The first request with an idempotency key was still running after {Seconds} s; answered 409")]
    private static partial void LogStillRunning(ILogger logger, double seconds);
}
