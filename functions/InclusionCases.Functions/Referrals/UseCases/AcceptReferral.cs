using InclusionCases.Domain.Access;
using InclusionCases.Domain.Identity;
using InclusionCases.Domain.Referrals;
using InclusionCases.Domain.Webhooks;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Localization;
using InclusionCases.Functions.PersonFile;
using InclusionCases.Functions.Referrals.Contracts;

namespace InclusionCases.Functions.Referrals.UseCases;

/// <summary>
/// The referred organisation accepts a pending referral and takes part in the case, while consent covers
/// it; an organisation already taking part (through another referral) is a 409.
/// </summary>
public sealed class AcceptReferral(ReferralMoves moves, PersonFileWriter writer)
{
    public async Task<ReferralResponse> ExecuteAsync(Caller caller, string referralId, CancellationToken cancellationToken)
    {
        var (file, stored, caseRow) = await moves.LoadAsync(caller, ApiOperation.AcceptReferral, referralId, cancellationToken);
        var referral = stored.Value;
        if (caseRow.Value.Participants.Contains(referral.ToOrganisationId))
        {
            throw ApiProblemException.Conflict(ApiText.OrganisationTakesPart);
        }

        var change = writer.Begin(file.PersonId, caller, "referral.accepted");
        var accepted = referral with { Status = ReferralStatus.Accepted, DecidedAt = change.Now };
        var caseFile = caseRow.Value with { Participants = [.. caseRow.Value.Participants, referral.ToOrganisationId], UpdatedAt = change.Now, Version = caseRow.Value.Version + 1 };
        change.Replace(CaseEntities.ToEntity(accepted, file.PersonId), stored.ETag)
            .Replace(CaseEntities.ToEntity(caseFile), caseRow.ETag)
            .Timeline(caseFile, TimelineKind.ReferralAccepted, new Dictionary<string, string> { ["referralId"] = referralId, ["organisationId"] = referral.ToOrganisationId })
            .Notify(WebhookEventTypes.ReferralAccepted, referral.FromOrganisationId, referral.CaseId, referralId: referralId);
        await writer.CommitAsync(change, cancellationToken);
        return ReferralResponse.From(accepted, moves.ExpiresAt(accepted.CreatedAt));
    }
}
