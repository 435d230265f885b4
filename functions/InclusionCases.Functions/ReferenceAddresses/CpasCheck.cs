using InclusionCases.Domain.Identity;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Identity;
using InclusionCases.Functions.Localization;

namespace InclusionCases.Functions.ReferenceAddresses;

/// <summary>Only a CPAS keeps reference addresses: the caller's organisation must be one (403 otherwise).</summary>
public sealed class CpasCheck(OrganisationRepository organisations)
{
    public async Task RequireCpasAsync(Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if ((await organisations.FindAsync(caller.OrganisationId, cancellationToken))?.Kind != OrganisationKind.Cpas)
        {
            throw ApiProblemException.Forbidden(ApiText.ReferenceAddressCpasOnly);
        }
    }
}
