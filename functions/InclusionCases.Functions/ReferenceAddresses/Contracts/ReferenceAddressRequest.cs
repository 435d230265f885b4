using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace InclusionCases.Functions.ReferenceAddresses.Contracts;

/// <summary>Body of <c>PUT /api/persons/{personId}/reference-address</c>.</summary>
public sealed record ReferenceAddressRequest(
    [property: Required, Description("The day the CPAS granted the reference address; not in the future.")] DateOnly? Since,
    [property: Required, Description("The person's last visit to the CPAS; not before since, not in the future.")] DateOnly? LastCheckIn);
