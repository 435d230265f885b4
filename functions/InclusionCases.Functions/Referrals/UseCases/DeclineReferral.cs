using InclusionCases.Domain.Access;
using InclusionCases.Domain.Identity;
using InclusionCases.Domain.Referrals;
using InclusionCases.Domain.Webhooks;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.PersonFile;
using InclusionCases.Functions.Referrals.Contracts;

namespace InclusionCases.Functions.Referrals.UseCases;

/// <summary>The referred organisation declines a pending referral, with a reason (<c>other</c> when none is given) and perhaps a note.</summary>
public sealed class DeclineReferral(ReferralMoves moves, PersonFileWriter writer)
{
    public async Task<ReferralResponse> ExecuteAsync(Caller caller, string referralId, DeclineReferralRequest? request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        errors.Optional("note", request?.Note, DeclineReferralRequest.MaxNoteLength, allowLineBreaks: true);
        errors.ThrowIfAny();

        var (file, stored, caseRow) = await moves.LoadAsync(caller, ApiOperation.DeclineReferral, referralId, cancellationToken);
        var referral = stored.Value;
        var change = writer.Begin(file.PersonId, caller, "referral.declined");
        var declined = referral with
        {
            Status = ReferralStatus.Declined,
            DecidedAt = change.Now,
            ClosedAt = change.Now,
            DeclineReason = request?.Reason ?? DeclineReason.Other,
            Note = string.IsNullOrWhiteSpace(request?.Note) ? null : request.Note.Trim(),
        };
        change.Replace(CaseEntities.ToEntity(declined, file.PersonId), stored.ETag)
            .Timeline(caseRow.Value, TimelineKind.ReferralDeclined, new Dictionary<string, string>
            {
                ["referralId"] = referralId,
                ["organisationId"] = referral.ToOrganisationId,
                ["reason"] = ReferralWorkflow.Name(declined.DeclineReason!.Value),
            })
            .Notify(WebhookEventTypes.ReferralDeclined, referral.FromOrganisationId, referral.CaseId, referralId: referralId);
        await writer.CommitAsync(change, cancellationToken);
        return ReferralResponse.From(declined, moves.ExpiresAt(declined.CreatedAt));
    }
}
