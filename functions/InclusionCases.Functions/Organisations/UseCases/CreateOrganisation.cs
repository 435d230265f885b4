using InclusionCases.Domain.Identity;
using InclusionCases.Domain.Text;
using InclusionCases.Functions.Audit;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Localization;
using InclusionCases.Functions.Organisations.Contracts;

namespace InclusionCases.Functions.Organisations.UseCases;

/// <summary>Adds an organisation to the directory; an id already taken is a conflict and changes nothing.</summary>
public sealed class CreateOrganisation(OrganisationService service, AuditLog audit)
{
    public async Task<(OrganisationResponse Organisation, string ETag)> ExecuteAsync(CreateOrganisationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        OrganisationInput.ValidateId(errors, request.Id);
        errors.Required("name", request.Name, FieldErrors.MaxNameLength);
        if (request.Kind is null)
        {
            errors.Add("kind", DomainText.Required);
        }

        OrganisationInput.ValidateLists(errors, request.Offers, request.Languages);
        errors.ThrowIfAny();

        var organisation = new Organisation(request.Id!, request.Name!.Trim(), request.Kind!.Value)
        {
            Offers = OrganisationInput.Normalise(request.Offers ?? []),
            Languages = request.Languages ?? [],
            AcceptsReferrals = request.AcceptsReferrals ?? true,
        };
        await audit.RecordAttemptAsync(AuditAction.OrganisationCreate, "organisations/" + organisation.Id, null, cancellationToken);
        var etag = await service.CreateAsync(organisation, cancellationToken)
            ?? throw ApiProblemException.Conflict(ApiText.OrganisationExists(organisation.Id));
        return (OrganisationResponse.From(organisation), etag);
    }
}
