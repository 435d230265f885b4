using InclusionCases.Domain.Identity;
using Microsoft.Extensions.Caching.Memory;

namespace InclusionCases.Functions.Identity;

/// <summary>
/// Keeps found memberships in memory for <see cref="Lifetime"/>, so resolving a caller usually costs
/// no storage round trip. Only memberships that exist are kept: a user added to an organisation is
/// recognised at once; a removal takes effect within the lifetime (access tokens live longer anyway).
/// </summary>
public sealed class CachedMembershipReader(IMembershipReader inner, IMemoryCache cache) : IMembershipReader
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public async Task<Membership?> FindAsync(string userId, CancellationToken cancellationToken)
    {
        var key = "membership:" + userId;
        if (cache.TryGetValue(key, out Membership? cached))
        {
            return cached;
        }

        var membership = await inner.FindAsync(userId, cancellationToken);
        if (membership is not null)
        {
            cache.Set(key, membership, Lifetime);
        }

        return membership;
    }
}
