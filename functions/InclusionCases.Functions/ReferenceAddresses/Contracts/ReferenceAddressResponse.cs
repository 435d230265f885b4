using InclusionCases.Domain.Tasks;

namespace InclusionCases.Functions.ReferenceAddresses.Contracts;

/// <summary>A person's reference address at a CPAS, and when the next check-in is due (three calendar months after the last).</summary>
public sealed record ReferenceAddressResponse(string OrganisationId, DateOnly Since, DateOnly LastCheckIn, DateOnly NextCheckInDue)
{
    public static ReferenceAddressResponse From(ReferenceAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return new(address.OrganisationId, address.Since, address.LastCheckIn, address.NextCheckInDue);
    }
}
