using InclusionCases.Domain.Identity;
using InclusionCases.Functions.Audit;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Identity;
using InclusionCases.Functions.Organisations.Contracts;

namespace InclusionCases.Functions.Organisations.UseCases;

/// <summary>The directory, by id, narrowed to a kind, an offer and a language: one partition query.</summary>
public sealed class ListOrganisations(OrganisationRepository organisations, AuditLog audit)
{
    public async Task<PageResponse<OrganisationResponse>> ExecuteAsync(OrganisationKind? kind, Offer? offer, string? language, Paging paging, CancellationToken cancellationToken)
    {
        var (items, token) = await audit.BesideAsync(
            AuditAction.OrganisationList, "organisations", null, () => organisations.ListAsync(kind, offer, language, paging, cancellationToken), cancellationToken);
        return new PageResponse<OrganisationResponse>([.. items.Select(OrganisationResponse.From)], Paging.Encode(token));
    }
}
