using System.Text.Json;
using InclusionCases.Domain.Text;
using InclusionCases.Functions.Audit;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Identity;
using InclusionCases.Functions.Localization;
using InclusionCases.Functions.Organisations.Contracts;

namespace InclusionCases.Functions.Organisations.UseCases;

/// <summary>
/// Changes an organisation under <c>If-Match</c> (merge semantics): 428 without it, 412 when the row
/// changed since it was read (checked again by storage on the write, so two updates cannot both win).
/// </summary>
public sealed class UpdateOrganisation(OrganisationRepository organisations, OrganisationService service, AuditLog audit)
{
    public async Task<(OrganisationResponse Organisation, string ETag)> ExecuteAsync(string organisationId, string? ifMatch, UpdateOrganisationRequest request, JsonElement json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            throw new ApiProblemException(ProblemTypes.PreconditionRequired, ApiText.SendIfMatchOrganisation);
        }

        var errors = new FieldErrors();
        foreach (var field in new[] { "name", "kind", "offers", "languages", "acceptsReferrals" })
        {
            if (json.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Null)
            {
                errors.Add(field, ApiText.CannotBeNull);
            }
        }

        errors.Optional("name", request.Name, FieldErrors.MaxNameLength);
        if (request.Name is not null && string.IsNullOrWhiteSpace(request.Name))
        {
            errors.Add("name", DomainText.Required);
        }

        OrganisationInput.ValidateLists(errors, request.Offers, request.Languages);
        errors.ThrowIfAny();

        var found = await organisations.FindWithETagAsync(organisationId, cancellationToken) ?? throw ApiProblemException.NotFound(ApiText.NotFoundOrganisation);
        await audit.RecordAttemptAsync(AuditAction.OrganisationUpdate, "organisations/" + organisationId, null, cancellationToken);
        var (current, etag, legacy) = found;
        var wanted = ifMatch.Trim();
        if (wanted != "*" && wanted != etag)
        {
            throw Stale();
        }

        var updated = current with
        {
            Name = request.Name?.Trim() ?? current.Name,
            Kind = request.Kind ?? current.Kind,
            Offers = request.Offers is { } offers ? OrganisationInput.Normalise(offers) : current.Offers,
            Languages = request.Languages ?? current.Languages,
            AcceptsReferrals = request.AcceptsReferrals ?? current.AcceptsReferrals,
        };
        if (updated == current)
        {
            return (OrganisationResponse.From(current), etag);
        }

        var newETag = await service.UpdateAsync(updated, etag, legacy, cancellationToken) ?? throw Stale();
        return (OrganisationResponse.From(updated), newETag);
    }

    private static ApiProblemException Stale() =>
        new(ProblemTypes.PreconditionFailed, ApiText.OrganisationChanged);
}
