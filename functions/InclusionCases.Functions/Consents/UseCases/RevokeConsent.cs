using InclusionCases.Domain.Access;
using InclusionCases.Domain.Identity;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Localization;
using InclusionCases.Functions.PersonFile;

namespace InclusionCases.Functions.Consents.UseCases;

/// <summary>
/// Revokes a consent (a holder's social worker only). The access it granted ends at once: access is
/// decided on the consent rows at every request, never on a cached copy. The event goes on the
/// timelines of the cases the revoking organisation leads.
/// </summary>
public sealed class RevokeConsent(PersonFileAccess files, PersonFileWriter writer)
{
    public async Task ExecuteAsync(Caller caller, string personId, string consentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!RecordIds.IsConsentId(consentId))
        {
            throw ApiProblemException.Invalid("consentId", ApiText.NotAConsentId);
        }

        var file = await files.LoadPersonForChangeAsync(caller, ApiOperation.RevokeConsent, personId, "personId", cancellationToken);
        var stored = file.Consent(consentId) ?? throw ApiProblemException.NotFound(ApiText.NotFoundConsent);
        if (stored.Value.RevokedAt is not null)
        {
            return; // Revoking twice is the same as revoking once.
        }

        var change = writer.Begin(personId, caller, "consent.revoked");
        var revoked = stored.Value with { RevokedAt = change.Now };
        var detail = new Dictionary<string, string> { ["consentId"] = consentId, ["organisationIds"] = string.Join(',', revoked.OrganisationIds) };
        change.Replace(CaseEntities.ToEntity(revoked), stored.ETag);
        foreach (var led in file.Cases.Where(c => c.Value.LeadOrganisationId == caller.OrganisationId))
        {
            change.Timeline(led.Value, TimelineKind.ConsentRevoked, detail);
        }

        await writer.CommitAsync(change, cancellationToken);
    }
}
