using InclusionCases.Functions.Audit;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Identity;
using InclusionCases.Functions.Localization;
using InclusionCases.Functions.Organisations.Contracts;

namespace InclusionCases.Functions.Organisations.UseCases;

/// <summary>One organisation of the directory and its row's ETag, which a Coordinator sends back as <c>If-Match</c> to change it.</summary>
public sealed class GetOrganisation(OrganisationRepository organisations, AuditLog audit)
{
    public async Task<(OrganisationResponse Organisation, string ETag)> ExecuteAsync(string organisationId, CancellationToken cancellationToken)
    {
        if (!OrganisationInput.IsOrganisationId(organisationId))
        {
            throw ApiProblemException.NotFound(ApiText.NotFoundOrganisation);
        }

        var found = await audit.BesideAsync(
            AuditAction.OrganisationRead, "organisations/" + organisationId, null, () => organisations.FindWithETagAsync(organisationId, cancellationToken), cancellationToken);
        return found is { } organisation
            ? (OrganisationResponse.From(organisation.Organisation), organisation.ETag)
            : throw ApiProblemException.NotFound(ApiText.NotFoundOrganisation);
    }
}
