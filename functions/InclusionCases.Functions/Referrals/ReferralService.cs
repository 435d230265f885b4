using Azure.Data.Tables;
using InclusionCases.Domain.Access;
using InclusionCases.Domain.Consents;
using InclusionCases.Domain.Identity;
using InclusionCases.Domain.Referrals;
using InclusionCases.Functions.Audit;
using InclusionCases.Functions.Cases;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Identity;
using InclusionCases.Functions.Referrals.Contracts;

namespace InclusionCases.Functions.Referrals;

/// <summary>
/// Referrals: the lead organisation asks a partner to take part in a case, only while the person's
/// consent covers that partner; the partner accepts (and becomes a participant) or declines.
/// </summary>
public sealed class ReferralService(CaseStore store, CaseService cases, OrganisationRepository organisations, ReferralIndex index, CaseEventPublisher events, AuditLog audit, TimeProvider clock)
{
    public const int MaxReasonLength = 2_000;

    public async Task<ReferralResponse> CreateAsync(Caller caller, string caseId, ReferralRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        errors.Required("toOrganisationId", request.ToOrganisationId, 64);
        if (request.ToOrganisationId is not null && !Storage.TableKeys.IsValid(request.ToOrganisationId))
        {
            errors.Add("toOrganisationId", "Not an organisation id.");
        }

        errors.Required("reason", request.Reason, MaxReasonLength, allowLineBreaks: true);
        errors.ThrowIfAny();

        var (partition, stored) = await cases.AuthorizeAsync(caller, caseId, ApiOperation.CreateReferral, "referral.create", cancellationToken);
        var personId = partition.PersonId;
        var now = clock.GetUtcNow();

        var target = request.ToOrganisationId!;
        if (await organisations.FindAsync(target, cancellationToken) is null)
        {
            throw ApiProblemException.Invalid("toOrganisationId", "Unknown organisation.");
        }

        var caseFile = stored.Value;
        if (target == caseFile.LeadOrganisationId || caseFile.Participants.Contains(target))
        {
            throw ApiProblemException.Conflict("That organisation already takes part in the case.");
        }

        if (partition.Referrals.Any(r => r.Value.CaseId == caseId && r.Value.ToOrganisationId == target && r.Value.Status == ReferralStatus.Pending))
        {
            throw ApiProblemException.Conflict("A referral of this case to that organisation is already pending.");
        }

        RequireConsent(partition, target, now);
        var referral = new Referral(RecordIds.NewReferralId(personId), caseId, caseFile.LeadOrganisationId, target, request.Reason!.Trim(), ReferralStatus.Pending, caller.Id, now, null);
        await store.SubmitAsync(
            [
                new(TableTransactionActionType.UpsertReplace, CaseEntities.ToEntity(referral, personId)),
                CaseService.Timeline(caller, caseFile, TimelineKind.ReferralCreated, now, new Dictionary<string, string> { ["referralId"] = referral.Id, ["toOrganisationId"] = target }),
                CaseService.Outbox(personId, "referral.created", now),
            ],
            cancellationToken);
        await events.PublishAsync(personId, cancellationToken);
        return ReferralResponse.From(referral);
    }

    public async Task<PageResponse<ReferralResponse>> ListAsync(Caller caller, ReferralDirection direction, Paging paging, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!AccessPolicy.MayPerform(caller, ApiOperation.ListReferrals))
        {
            throw ApiProblemException.Forbidden("This role does not handle referrals.");
        }

        var (items, token) = await index.ListAsync(caller.OrganisationId, direction, paging, cancellationToken);
        return new PageResponse<ReferralResponse>([.. items.Select(ReferralResponse.From)], Paging.Encode(token));
    }

    public async Task<ReferralResponse> DecideAsync(Caller caller, string referralId, bool accept, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var personId = RecordIds.PersonOfReferral(referralId) ?? throw ApiProblemException.Invalid("referralId", "Not a referral id.");
        var (partition, stored, decision) = await audit.BesideAsync(
            caller,
            accept ? "referral.accept" : "referral.decline",
            "referral/" + referralId,
            personId,
            async () =>
            {
                var partition = await store.LoadAsync(personId, cancellationToken);
                var stored = partition.Referral(referralId);
                var decision = stored is null ? AccessDecision.NotFound : AccessPolicy.DecideOnReferral(caller, stored.Value.FromOrganisationId, stored.Value.ToOrganisationId);
                return (partition, stored, decision);
            },
            r => r.decision == AccessDecision.Allowed,
            cancellationToken);
        CaseService.ThrowUnlessAllowed(decision, "referral");

        var referral = stored!.Value;
        if (referral.Status != ReferralStatus.Pending)
        {
            throw ApiProblemException.Conflict($"The referral is already {CaseService.Name(referral.Status)}.");
        }

        var now = clock.GetUtcNow();
        var caseRow = partition.Case(referral.CaseId) ?? throw ApiProblemException.NotFound("referral");
        var decided = referral with { Status = accept ? ReferralStatus.Accepted : ReferralStatus.Declined, DecidedAt = now };
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, CaseEntities.ToEntity(decided, personId), stored.ETag) };
        var caseFile = caseRow.Value;
        if (accept)
        {
            RequireConsent(partition, referral.ToOrganisationId, now);
            caseFile = caseFile with { Participants = [.. caseFile.Participants, referral.ToOrganisationId], UpdatedAt = now, Version = caseFile.Version + 1 };
            actions.Add(new(TableTransactionActionType.UpdateReplace, CaseEntities.ToEntity(caseFile), caseRow.ETag));
        }

        actions.Add(CaseService.Timeline(caller, caseFile, accept ? TimelineKind.ReferralAccepted : TimelineKind.ReferralDeclined, now, new Dictionary<string, string> { ["referralId"] = referralId, ["organisationId"] = referral.ToOrganisationId }));
        actions.Add(CaseService.Outbox(personId, accept ? "referral.accepted" : "referral.declined", now));
        await store.SubmitAsync(actions, cancellationToken);
        await events.PublishAsync(personId, cancellationToken);
        return ReferralResponse.From(decided);
    }

    private static void RequireConsent(PersonPartition partition, string organisationId, DateTimeOffset now)
    {
        if (!AccessPolicy.ConsentCovers(partition.ConsentValues, organisationId, ConsentScope.Case, now))
        {
            throw new ApiProblemException(ProblemTypes.ConsentRequired, $"No active consent of the person covers {organisationId}. Record the person's consent first.");
        }
    }
}
