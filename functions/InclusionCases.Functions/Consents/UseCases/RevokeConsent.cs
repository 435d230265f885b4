using InclusionCases.Domain.Access;
using InclusionCases.Domain.Consents;
using InclusionCases.Domain.Identity;
using InclusionCases.Domain.Referrals;
using InclusionCases.Domain.Webhooks;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Localization;
using InclusionCases.Functions.PersonFile;

namespace InclusionCases.Functions.Consents.UseCases;

/// <summary>
/// Revokes a consent (a holder's social worker only). The access it granted ends at once: access is
/// decided on the consent rows at every request, never on a cached copy. The event goes on the
/// timelines of the cases the revoking organisation leads. Organisations that saw a case, or had a
/// pending referral of it, and no longer do are told <c>case.participationEnded</c>; those that still
/// see it and recorded or are named in the consent, <c>consent.revoked</c>.
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

        Notify(change, file, revoked);

        await writer.CommitAsync(change, cancellationToken);
    }

    private static void Notify(PersonChange change, PersonPartition file, Consent revoked)
    {
        var before = file.Access;
        var after = before with { Consents = [.. before.Consents.Select(c => c.Id == revoked.Id ? revoked : c)] };
        foreach (var c in before.Cases)
        {
            var still = Knowing(after, file, c, change.Now);
            foreach (var organisationId in Knowing(before, file, c, change.Now).Except(still))
            {
                change.Notify(WebhookEventTypes.CaseParticipationEnded, organisationId, c.CaseId);
            }

            // Only to the organisation that recorded the consent and those it names: another holder of the person learns nothing of it.
            foreach (var organisationId in after.Seeing(c, change.Now).Where(o => o == revoked.RecordedByOrganisationId || revoked.OrganisationIds.Contains(o)))
            {
                change.Notify(WebhookEventTypes.ConsentRevoked, organisationId, c.CaseId, consentId: revoked.Id);
            }
        }
    }

    // The organisations that see the case, or are invited to it by a referral they may see.
    private static HashSet<string> Knowing(PersonAccess access, PersonPartition file, CaseAccess c, DateTimeOffset now)
    {
        var knowing = access.Seeing(c, now).ToHashSet(StringComparer.Ordinal);
        foreach (var r in file.Referrals.Select(r => r.Value).Where(r => r.CaseId == c.CaseId && r.Status == ReferralStatus.Pending))
        {
            if (AccessPolicy.CanSeeReferral(r.ToOrganisationId, access, new ReferralAccess(r.CaseId, r.FromOrganisationId, r.ToOrganisationId, Pending: true), now))
            {
                knowing.Add(r.ToOrganisationId);
            }
        }

        return knowing;
    }
}
