using InclusionCases.Domain.Access;
using InclusionCases.Domain.Identity;
using InclusionCases.Domain.Referrals;
using InclusionCases.Domain.Webhooks;
using InclusionCases.Functions.PersonFile;
using InclusionCases.Functions.Referrals.Contracts;

namespace InclusionCases.Functions.Referrals.UseCases;

/// <summary>The referring organisation takes back a referral nobody has answered yet.</summary>
public sealed class WithdrawReferral(ReferralMoves moves, PersonFileWriter writer)
{
    public async Task<ReferralResponse> ExecuteAsync(Caller caller, string referralId, CancellationToken cancellationToken)
    {
        var (file, stored, caseRow) = await moves.LoadAsync(caller, ApiOperation.WithdrawReferral, referralId, cancellationToken);
        var change = writer.Begin(file.PersonId, caller, "referral.withdrawn");
        var withdrawn = stored.Value with { Status = ReferralStatus.Withdrawn, ClosedAt = change.Now };
        change.Replace(CaseEntities.ToEntity(withdrawn, file.PersonId), stored.ETag)
            .Timeline(caseRow.Value, TimelineKind.ReferralWithdrawn, new Dictionary<string, string> { ["referralId"] = referralId, ["organisationId"] = withdrawn.ToOrganisationId })
            .Notify(WebhookEventTypes.ReferralWithdrawn, withdrawn.ToOrganisationId, withdrawn.CaseId, referralId: referralId);
        await writer.CommitAsync(change, cancellationToken);
        return ReferralResponse.From(withdrawn, moves.ExpiresAt(withdrawn.CreatedAt));
    }
}
