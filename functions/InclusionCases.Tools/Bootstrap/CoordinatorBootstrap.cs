using InclusionCases.Domain.Identity;
using InclusionCases.Functions.Identity;
using InclusionCases.Functions.Organisations;

namespace InclusionCases.Tools.Bootstrap;

/// <summary>
/// Writes the first Coordinator's organisation and membership through the app's own
/// <see cref="OrganisationService"/>, the one the API's routes use, so the rows (directory, membership,
/// members index) are what the API reads. It never changes a row: one that already says the
/// same is left alone (so running it twice is harmless), one that says otherwise (the object id in
/// another organisation, the organisation id with another name or kind) refuses the whole run. Both
/// rows are checked before either is written, and each is written insert-only, so a row someone
/// else wrote in between is never overwritten.
/// </summary>
public sealed class CoordinatorBootstrap(OrganisationService service, OrganisationRepository organisations, MembershipRepository memberships)
{
    public async Task<CoordinatorBootstrapResult> ApplyAsync(Organisation organisation, Membership membership, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(membership);
        var existingMembership = await memberships.FindAsync(membership.UserId, cancellationToken);
        if (MembershipConflict(existingMembership, membership) is { } membershipRefusal)
        {
            return new CoordinatorBootstrapResult(RowWrite.NotWritten, RowWrite.NotWritten, existingMembership, membershipRefusal);
        }

        var existingOrganisation = await organisations.FindAsync(organisation.Id, cancellationToken);
        if (OrganisationConflict(existingOrganisation, organisation) is { } organisationRefusal)
        {
            return new CoordinatorBootstrapResult(RowWrite.NotWritten, RowWrite.NotWritten, existingMembership, organisationRefusal);
        }

        RowWrite organisationWrite;
        if (existingOrganisation is not null)
        {
            organisationWrite = RowWrite.AlreadyPresent;
        }
        else if (await service.CreateAsync(organisation, cancellationToken) is not null)
        {
            organisationWrite = RowWrite.Written;
        }
        else
        {
            // Written by someone else since it was read: judged like a row that was there before.
            existingOrganisation = await organisations.FindAsync(organisation.Id, cancellationToken);
            if (OrganisationConflict(existingOrganisation, organisation) is { } refusal)
            {
                return new CoordinatorBootstrapResult(RowWrite.NotWritten, RowWrite.NotWritten, existingMembership, refusal);
            }

            organisationWrite = RowWrite.AlreadyPresent;
        }

        RowWrite membershipWrite;
        if (existingMembership is not null)
        {
            membershipWrite = RowWrite.AlreadyPresent;
        }
        else if (await service.GrantAsync(membership.OrganisationId, membership.UserId, membership.DisplayName, validUntil: null, cancellationToken) is (MembershipGrant.Granted, _))
        {
            membershipWrite = RowWrite.Written;
        }
        else
        {
            existingMembership = await memberships.FindAsync(membership.UserId, cancellationToken);
            if (MembershipConflict(existingMembership, membership) is { } refusal)
            {
                return new CoordinatorBootstrapResult(organisationWrite, RowWrite.NotWritten, existingMembership, refusal);
            }

            membershipWrite = RowWrite.AlreadyPresent;
        }

        return new CoordinatorBootstrapResult(organisationWrite, membershipWrite, existingMembership, null);
    }

    private static string? MembershipConflict(Membership? existing, Membership wanted) =>
        existing is not null && !string.Equals(existing.OrganisationId, wanted.OrganisationId, StringComparison.Ordinal)
            ? $"object id {wanted.UserId} is already a member of organisation '{existing.OrganisationId}', not '{wanted.OrganisationId}'; " +
              "this tool never changes an existing membership"
            : null;

    private static string? OrganisationConflict(Organisation? existing, Organisation wanted) =>
        existing is not null && (existing.Name != wanted.Name || existing.Kind != wanted.Kind)
            ? $"organisation '{wanted.Id}' already exists as \"{existing.Name}\" ({existing.Kind}), not \"{wanted.Name}\" ({wanted.Kind}); " +
              "this tool never changes an existing organisation"
            : null;
}
