namespace InclusionCases.Domain.Webhooks;

/// <summary>
/// When a failed delivery is tried again: the first retry after <c>firstDelay</c>, each next one after
/// twice the last, at most <see cref="MaxDelay"/> apart, for <see cref="Window"/> after the first attempt.
/// </summary>
public static class DeliveryRetries
{
    /// <summary>How long after its first attempt an event is still tried.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    /// <summary>The longest wait between two attempts.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromHours(2);

    /// <summary>
    /// When to try again after <paramref name="attemptsMade"/> failed attempts, the first made at
    /// <paramref name="firstAttemptAt"/>, the last ending at <paramref name="now"/>; <c>null</c> once the window is over.
    /// </summary>
    public static DateTimeOffset? NextAttemptAt(DateTimeOffset firstAttemptAt, int attemptsMade, DateTimeOffset now, TimeSpan firstDelay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attemptsMade, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(firstDelay, TimeSpan.Zero);
        var exponent = Math.Min(attemptsMade - 1, 20);
        var delay = TimeSpan.FromTicks(Math.Min(firstDelay.Ticks * (1L << exponent), MaxDelay.Ticks));
        var next = now + delay;
        return next <= firstAttemptAt + Window ? next : null;
    }

    /// <summary>What an answer means for the delivery: done, given up for good (410: the receiver is gone), or to be tried again.</summary>
    public static DeliveryAnswer Classify(int? statusCode) => statusCode switch
    {
        >= 200 and < 300 => DeliveryAnswer.Delivered,
        410 => DeliveryAnswer.Gone,
        _ => DeliveryAnswer.TryAgain,
    };
}
