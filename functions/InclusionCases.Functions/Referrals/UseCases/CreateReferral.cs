using InclusionCases.Domain.Access;
using InclusionCases.Domain.Consents;
using InclusionCases.Domain.Identity;
using InclusionCases.Domain.Referrals;
using InclusionCases.Domain.Webhooks;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Identity;
using InclusionCases.Functions.Localization;
using InclusionCases.Functions.Organisations;
using InclusionCases.Functions.PersonFile;
using InclusionCases.Functions.Referrals.Contracts;
using InclusionCases.Functions.Storage;

namespace InclusionCases.Functions.Referrals.UseCases;

/// <summary>The case's lead asks a partner to take part, only while the person's consent covers that partner.</summary>
public sealed class CreateReferral(PersonFileAccess files, PersonFileWriter writer, OrganisationRepository organisations, ReferralMoves moves, TimeProvider clock)
{
    public const int MaxReasonLength = 2_000;

    public async Task<ReferralResponse> ExecuteAsync(Caller caller, string caseId, ReferralRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        errors.Required("toOrganisationId", request.ToOrganisationId, OrganisationInput.MaxIdLength);
        if (request.ToOrganisationId is not null && !TableKeys.IsValid(request.ToOrganisationId))
        {
            errors.Add("toOrganisationId", ApiText.NotAnOrganisationId);
        }

        errors.Required("reason", request.Reason, MaxReasonLength, allowLineBreaks: true);
        errors.ThrowIfAny();

        // Two referrals made at once meet on the case row's ETag: the one that lost reads again, and
        // is then told what the other made (already pending), not that something changed.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryCreateAsync(caller, caseId, request, cancellationToken);
            }
            catch (ApiProblemException ex) when (ex.Type == ProblemTypes.PreconditionFailed && attempt < 3)
            {
            }
        }
    }

    private async Task<ReferralResponse> TryCreateAsync(Caller caller, string caseId, ReferralRequest request, CancellationToken cancellationToken)
    {
        var (file, stored) = await files.LoadCaseForChangeAsync(caller, ApiOperation.CreateReferral, caseId, cancellationToken);
        var target = request.ToOrganisationId!;
        if (await organisations.FindAsync(target, cancellationToken) is null)
        {
            throw ApiProblemException.Invalid("toOrganisationId", ApiText.UnknownOrganisation);
        }

        var caseFile = stored.Value;
        if (target == caseFile.LeadOrganisationId || caseFile.Participants.Contains(target))
        {
            throw ApiProblemException.Conflict(ApiText.OrganisationTakesPart);
        }

        if (file.Referrals.Any(r => r.Value.CaseId == caseId && r.Value.ToOrganisationId == target && moves.AsOf(r.Value, clock.GetUtcNow()).Status == ReferralStatus.Pending))
        {
            throw ApiProblemException.Conflict(ApiText.ReferralPending);
        }

        if (!file.Access.ConsentCovers(target, ConsentScope.Case, clock.GetUtcNow()))
        {
            throw new ApiProblemException(ProblemTypes.ConsentRequired, ApiText.ConsentRequired(target));
        }

        var change = writer.Begin(file.PersonId, caller, "referral.created");
        var referral = new Referral(RecordIds.NewReferralId(file.PersonId), caseId, caseFile.LeadOrganisationId, target, request.Reason!.Trim(), ReferralStatus.Pending, caller.Id, change.Now, null);
        // The case row is written back unchanged, so two referrals made at once meet on its ETag and only one lands.
        change.Replace(CaseEntities.ToEntity(caseFile), stored.ETag)
            .Add(CaseEntities.ToEntity(referral, file.PersonId))
            .Timeline(caseFile, TimelineKind.ReferralCreated, new Dictionary<string, string> { ["referralId"] = referral.Id, ["toOrganisationId"] = target })
            .Notify(WebhookEventTypes.ReferralReceived, target, caseId, referralId: referral.Id);
        await writer.CommitAsync(change, cancellationToken);
        return ReferralResponse.From(referral, moves.ExpiresAt(referral.CreatedAt));
    }
}
