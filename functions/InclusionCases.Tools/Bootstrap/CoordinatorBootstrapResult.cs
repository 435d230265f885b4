using InclusionCases.Domain.Identity;

namespace InclusionCases.Tools.Bootstrap;

/// <summary>
/// What the bootstrap did with the organisation and membership rows, and, when it refused, why.
/// <see cref="ExistingMembership"/> is the row found for the object id, if any.
/// </summary>
public sealed record CoordinatorBootstrapResult(RowWrite Organisation, RowWrite Membership, Membership? ExistingMembership, string? Refusal)
{
    public bool Refused => Refusal is not null;
}
