using InclusionCases.Domain.Identity;
using Microsoft.Extensions.Caching.Memory;

namespace InclusionCases.Functions.Identity;

/// <summary>
/// Keeps found memberships in memory for at most <see cref="Lifetime"/>, so resolving a caller usually
/// costs no storage round trip. Only memberships that exist are kept: a user added to an organisation
/// is recognised at once. A membership changed or ended on this instance is <see cref="Evict"/>ed by
/// the change, so it takes effect here at once; on other instances within the lifetime. The age is
/// judged by the app's <see cref="TimeProvider"/> (the same clock as everything else), not the cache's.
/// </summary>
public sealed class CachedMembershipReader(IMembershipReader inner, IMemoryCache cache, TimeProvider clock) : IMembershipReader
{
    /// <summary>How stale a membership may be on an instance that did not make the change (the contract's 30 s).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public async Task<Membership?> FindAsync(string userId, CancellationToken cancellationToken)
    {
        var key = Key(userId);
        if (cache.TryGetValue(key, out Cached? cached) && cached is not null && clock.GetUtcNow() < cached.ReadAt + Lifetime)
        {
            return cached.Membership;
        }

        var readAt = clock.GetUtcNow();
        var membership = await inner.FindAsync(userId, cancellationToken);
        if (membership is not null)
        {
            // The cache's own expiry only frees memory; the lifetime is checked above.
            cache.Set(key, new Cached(membership, readAt), Lifetime);
        }
        else
        {
            cache.Remove(key);
        }

        return membership;
    }

    /// <summary>Forgets what is kept for <paramref name="userId"/>: the next request reads storage.</summary>
    public void Evict(string userId) => cache.Remove(Key(userId));

    private static string Key(string userId) => "membership:" + userId;

    private sealed record Cached(Membership Membership, DateTimeOffset ReadAt);
}
