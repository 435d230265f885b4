using InclusionCases.Domain.Access;
using InclusionCases.Domain.Identity;
using InclusionCases.Domain.Referrals;
using InclusionCases.Functions.Audit;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Localization;
using InclusionCases.Functions.PersonFile;
using InclusionCases.Functions.Referrals.Contracts;

namespace InclusionCases.Functions.Referrals.UseCases;

/// <summary>
/// The referred organisation accepts (and takes part in the case, while consent covers it) or declines
/// a pending referral. A referral it may no longer see (consent revoked or expired) is a 404, like one
/// that does not exist.
/// </summary>
public sealed class DecideReferral(PersonFileStore store, PersonFileWriter writer, TimeProvider clock)
{
    public async Task<ReferralResponse> ExecuteAsync(Caller caller, string referralId, bool accept, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var personId = RecordIds.PersonOfReferral(referralId) ?? throw ApiProblemException.Invalid("referralId", ApiText.NotAReferralId);
        var operation = accept ? ApiOperation.AcceptReferral : ApiOperation.DeclineReferral;
        RequestAudit.Current?.Attempt(AuditAction.Of(operation), "referral/" + referralId, personId, clock.GetUtcNow());
        var file = await store.LoadAsync(personId, cancellationToken);
        var stored = file.Referral(referralId);
        PersonFileAccess.Require(
            stored is null ? AccessDecision.NotFound : AccessPolicy.DecideOnReferral(caller, operation, file.Access, ReferralAccessOf(stored.Value), clock.GetUtcNow()),
            RecordKind.Referral);

        var referral = stored!.Value;
        if (referral.Status != ReferralStatus.Pending)
        {
            throw ApiProblemException.Conflict(referral.Status == ReferralStatus.Accepted ? ApiText.ReferralAlreadyAccepted : ApiText.ReferralAlreadyDeclined);
        }

        var caseRow = file.Case(referral.CaseId) ?? throw ApiProblemException.NotFound(ApiText.NotFoundReferral);
        var change = writer.Begin(personId, caller, accept ? "referral.accepted" : "referral.declined");
        var decided = referral with { Status = accept ? ReferralStatus.Accepted : ReferralStatus.Declined, DecidedAt = change.Now };
        change.Replace(CaseEntities.ToEntity(decided, personId), stored.ETag);
        var caseFile = caseRow.Value;
        if (accept)
        {
            caseFile = caseFile with { Participants = [.. caseFile.Participants, referral.ToOrganisationId], UpdatedAt = change.Now, Version = caseFile.Version + 1 };
            change.Replace(CaseEntities.ToEntity(caseFile), caseRow.ETag);
        }

        change.Timeline(caseFile, accept ? TimelineKind.ReferralAccepted : TimelineKind.ReferralDeclined, new Dictionary<string, string> { ["referralId"] = referralId, ["organisationId"] = referral.ToOrganisationId });
        await writer.CommitAsync(change, cancellationToken);
        return ReferralResponse.From(decided);
    }

    internal static ReferralAccess ReferralAccessOf(Referral referral) =>
        new(referral.CaseId, referral.FromOrganisationId, referral.ToOrganisationId, referral.Status == ReferralStatus.Pending);
}
