using InclusionCases.Domain.Identity;

namespace InclusionCases.Functions.Identity;

/// <summary>Looks up which organisation a user or application belongs to.</summary>
public interface IMembershipReader
{
    Task<Membership?> FindAsync(string userId, CancellationToken cancellationToken);
}
