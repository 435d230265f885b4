using InclusionCases.Domain.Identity;
using InclusionCases.Functions.Identity;

namespace InclusionCases.Functions.Organisations;

/// <summary>
/// The one way organisations and memberships are written: by the API's use cases, the demo seed and
/// <c>bootstrap-coordinator</c> alike, so every writer keeps the directory row, the membership row and
/// the members index as the readers expect them. A membership change on an app host forgets the
/// cached membership there (<see cref="CachedMembershipReader.Evict"/>), so it takes effect at once on
/// that host; the tools run without a cache.
/// </summary>
public sealed class OrganisationService(OrganisationRepository organisations, MembershipRepository memberships, TimeProvider clock, CachedMembershipReader? cache = null)
{
    /// <summary>Adds a new organisation; null when its id is taken, else its ETag.</summary>
    public Task<string?> CreateAsync(Organisation organisation, CancellationToken cancellationToken) => organisations.TryAddAsync(organisation, cancellationToken);

    /// <summary>Writes the organisation as given, whatever was there (the demo seed only).</summary>
    public Task SaveAsync(Organisation organisation, CancellationToken cancellationToken) =>
        organisations.TryReplaceAsync(organisation, etag: null, legacy: false, cancellationToken);

    /// <summary>Replaces the organisation if its row still has <paramref name="etag"/>; null when it changed meanwhile, else the new ETag.</summary>
    public Task<string?> UpdateAsync(Organisation organisation, string etag, bool legacy, CancellationToken cancellationToken) =>
        organisations.TryReplaceAsync(organisation, etag, legacy, cancellationToken);

    /// <summary>
    /// Grants <paramref name="userId"/> membership of <paramref name="organisationId"/>, or changes the
    /// name and end of the membership they have there. A user belongs to one organisation: one who is a
    /// member elsewhere is not moved (<see cref="MembershipGrant.MemberElsewhere"/>); end that first.
    /// </summary>
    public async Task<(MembershipGrant Outcome, Membership? Membership)> GrantAsync(
        string organisationId, string userId, string? name, DateTimeOffset? validUntil, CancellationToken cancellationToken)
    {
        if (await organisations.FindAsync(organisationId, cancellationToken) is null)
        {
            return (MembershipGrant.UnknownOrganisation, null);
        }

        var existing = await memberships.FindAsync(userId, cancellationToken);
        if (existing is not null && existing.OrganisationId != organisationId)
        {
            return (MembershipGrant.MemberElsewhere, existing);
        }

        var membership = new Membership(userId, organisationId, name ?? existing?.DisplayName ?? string.Empty)
        {
            Since = existing is null ? clock.GetUtcNow() : existing.Since,
            ValidUntil = validUntil,
        };
        if (existing is null)
        {
            if (!await memberships.TryAddAsync(membership, cancellationToken))
            {
                // Granted by someone else since it was read: judged like a membership that was there before.
                return await GrantAsync(organisationId, userId, name, validUntil, cancellationToken);
            }
        }
        else
        {
            await memberships.SaveAsync(membership, cancellationToken);
        }

        cache?.Evict(userId);
        return (existing is null ? MembershipGrant.Granted : MembershipGrant.Changed, membership);
    }

    /// <summary>Ends the user's membership of the organisation; false when they are not a member of it.</summary>
    public async Task<bool> EndAsync(string organisationId, string userId, CancellationToken cancellationToken)
    {
        var ended = await memberships.RemoveAsync(organisationId, userId, cancellationToken);
        cache?.Evict(userId);
        return ended;
    }
}
