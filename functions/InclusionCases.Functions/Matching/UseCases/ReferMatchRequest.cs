using InclusionCases.Domain.Cases;
using InclusionCases.Domain.Identity;
using InclusionCases.Domain.Referrals;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Localization;
using InclusionCases.Functions.Matching.Contracts;
using InclusionCases.Functions.PersonFile;
using InclusionCases.Functions.Referrals.Contracts;
using InclusionCases.Functions.Referrals.UseCases;

namespace InclusionCases.Functions.Matching.UseCases;

/// <summary>
/// The holder answers a match request with a referral of its case to the requester, made by the one
/// referral route (<see cref="CreateReferral"/>): the holder must lead the case, and the person's consent
/// must cover the requester, or the referral is refused as it would be anywhere else.
/// </summary>
public sealed class ReferMatchRequest(MatchRequestStore store, PersonFileStore files, CreateReferral referrals, Referrals.ReferralMoves moves, Audit.AuditLog audit, TimeProvider clock)
{
    public async Task<MatchRequestResponse> ExecuteAsync(Caller caller, string id, Contracts.ReferMatchRequest body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(body);
        var errors = new FieldErrors();
        errors.Optional("caseId", body.CaseId, Contracts.ReferMatchRequest.MaxCaseIdLength);
        errors.Optional("reason", body.Reason, CreateReferral.MaxReasonLength, allowLineBreaks: true);
        errors.ThrowIfAny();

        var (request, etag) = await AnsweredMatchRequest.OpenAsync(store, caller, id, clock.GetUtcNow(), cancellationToken);
        await audit.RecordAttemptAsync(Audit.AuditAction.MatchRequestRefer, "match-requests/" + id, request.PersonId, cancellationToken);
        var file = await files.LoadAsync(request.PersonId!, cancellationToken);
        var led = file.Cases.Select(c => c.Value).Where(c => c.LeadOrganisationId == caller.OrganisationId).ToList();
        string caseId;
        if (body.CaseId is { } chosen)
        {
            caseId = led.Any(c => c.Id == chosen) ? chosen : throw ApiProblemException.Invalid("caseId", ApiText.MatchRequestCaseUnknown);
        }
        else
        {
            var open = led.Where(c => c.Status != CaseStatus.Closed).ToList();
            caseId = open.Count == 1 ? open[0].Id : throw ApiProblemException.Invalid("caseId", open.Count == 0 ? ApiText.MatchRequestCaseUnknown : ApiText.MatchRequestCaseChoose);
        }

        // A call cut short after its referral was made (a 503 before the answer was kept) is finished by the
        // same call again: the referral pending from that case to the requester is the answer.
        if (file.Person?.Value.ErasedAt is not null)
        {
            throw new ApiProblemException(ProblemTypes.Erased, ApiText.PersonErasedNoWrite);
        }

        var made = file.Referrals.Select(r => moves.AsOf(r.Value, clock.GetUtcNow())).FirstOrDefault(r => r.CaseId == caseId && r.ToOrganisationId == request.RequestedBy && r.Status == ReferralStatus.Pending)?.Id;
        var reason = string.IsNullOrWhiteSpace(body.Reason) ? ApiText.MatchRequestReferralReason(id).English() : body.Reason;
        var referralId = made ?? (await referrals.ExecuteAsync(caller, caseId, new ReferralRequest(request.RequestedBy, reason), cancellationToken)).Id;
        var now = clock.GetUtcNow();
        var referred = request with { Status = MatchRequestStatus.Referred, ReferralId = referralId, AnsweredBy = caller.Id, AnsweredAt = now };
        await store.AnswerAsync(caller.OrganisationId, referred, etag, cancellationToken);
        return referred.AsIncoming(now);
    }
}
