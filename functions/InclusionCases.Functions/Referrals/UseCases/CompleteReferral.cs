using InclusionCases.Domain.Access;
using InclusionCases.Domain.Identity;
using InclusionCases.Domain.Referrals;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Localization;
using InclusionCases.Functions.PersonFile;
using InclusionCases.Functions.Referrals.Contracts;

namespace InclusionCases.Functions.Referrals.UseCases;

/// <summary>
/// The referred organisation says it has done what it was asked, with the outcome. Its part in the
/// case ends with it: sharing lasts as long as the work it was for, and no longer.
/// </summary>
public sealed class CompleteReferral(ReferralMoves moves, PersonFileWriter writer)
{
    public async Task<ReferralResponse> ExecuteAsync(Caller caller, string referralId, CompleteReferralRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        errors.Required("outcome", request.Outcome, CompleteReferralRequest.MaxOutcomeLength, allowLineBreaks: true);
        errors.ThrowIfAny();

        var (file, stored, caseRow) = await moves.LoadAsync(caller, ApiOperation.CompleteReferral, referralId, cancellationToken);
        var referral = stored.Value;
        var change = writer.Begin(file.PersonId, caller, "referral.completed");
        var completed = referral with { Status = ReferralStatus.Completed, Outcome = request.Outcome!.Trim(), ClosedAt = change.Now };
        var caseFile = caseRow.Value with
        {
            Participants = [.. caseRow.Value.Participants.Where(p => p != referral.ToOrganisationId)],
            UpdatedAt = change.Now,
            Version = caseRow.Value.Version + 1,
        };
        var detail = new Dictionary<string, string> { ["referralId"] = referralId, ["organisationId"] = referral.ToOrganisationId };
        change.Replace(CaseEntities.ToEntity(completed, file.PersonId), stored.ETag)
            .Replace(CaseEntities.ToEntity(caseFile), caseRow.ETag)
            .Timeline(caseFile, TimelineKind.ReferralCompleted, detail)
            .Timeline(caseFile, TimelineKind.ParticipationEnded, detail, after: TimeSpan.FromTicks(1));
        await writer.CommitAsync(change, cancellationToken);
        return ReferralResponse.From(completed, moves.ExpiresAt(completed.CreatedAt));
    }
}
