using InclusionCases.Domain.Access;
using InclusionCases.Functions.Hosting;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Localization;
using InclusionCases.Functions.Pipeline;
using InclusionCases.Functions.Referrals.Contracts;
using InclusionCases.Functions.Referrals.UseCases;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InclusionCases.Functions.Referrals;

/// <summary>The referral routes: thin adapters from HTTP to one use case each.</summary>
public sealed class ReferralFunctions(HttpApi api, CreateReferral create, ListReferrals list, AcceptReferral accept, DeclineReferral decline, WithdrawReferral withdraw, CompleteReferral complete)
{
    [Function(nameof(CreateReferral))]
    [ApiDoc("Refer a case to a partner; needs an active consent covering it.", Operation = ApiOperation.CreateReferral, Success = 201, Location = true, Idempotent = true, Request = typeof(ReferralRequest), Response = typeof(ReferralResponse))]
    public Task<IActionResult> CreateReferral([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseId}/referrals")] HttpRequest request, string caseId) =>
        api.HandleAsync(request, async (caller, ct) =>
        {
            var (body, _) = await RequestBody.ReadAsync<ReferralRequest>(request, ct);
            var referral = await create.ExecuteAsync(caller, caseId, body, ct);
            return ApiResults.Created($"/api/referrals/{referral.Id}", referral);
        });

    [Function(nameof(ListReferrals))]
    [ApiDoc("The caller's organisation's incoming or outgoing referrals, newest first.", Operation = ApiOperation.ListReferrals, Query = ["direction", "limit", "cursor"], Response = typeof(PageResponse<ReferralResponse>))]
    public Task<IActionResult> ListReferrals([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "referrals")] HttpRequest request) =>
        api.HandleAsync(request, async (caller, ct) =>
        {
            var errors = new FieldErrors();
            var direction = QueryValues.Enum<ReferralDirection>(request, "direction", errors);
            if (direction is null && !errors.Any)
            {
                errors.Add("direction", ApiText.DirectionRequired);
            }

            var paging = Paging.From(request);
            errors.ThrowIfAny();
            return ApiResults.Ok(await list.ExecuteAsync(caller, direction!.Value, paging, ct));
        });

    [Function(nameof(AcceptReferral))]
    [ApiDoc("Accept a pending referral (the referred organisation): it takes part in the case.", Operation = ApiOperation.AcceptReferral, WorkflowConflict = true, Response = typeof(ReferralResponse))]
    public Task<IActionResult> AcceptReferral([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "referrals/{referralId}/accept")] HttpRequest request, string referralId) =>
        api.HandleAsync(request, async (caller, ct) => ApiResults.Ok(await accept.ExecuteAsync(caller, referralId, ct)));

    [Function(nameof(DeclineReferral))]
    [ApiDoc("Decline a pending referral (the referred organisation), with a reason; no body, or no reason, means other.", Operation = ApiOperation.DeclineReferral, WorkflowConflict = true, RequestOptional = true, Request = typeof(DeclineReferralRequest), Response = typeof(ReferralResponse))]
    public Task<IActionResult> DeclineReferral([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "referrals/{referralId}/decline")] HttpRequest request, string referralId) =>
        api.HandleAsync(request, async (caller, ct) => ApiResults.Ok(await decline.ExecuteAsync(caller, referralId, await RequestBody.ReadOptionalAsync<DeclineReferralRequest>(request, ct), ct)));

    [Function(nameof(WithdrawReferral))]
    [ApiDoc("Withdraw a pending referral (the referring organisation).", Operation = ApiOperation.WithdrawReferral, WorkflowConflict = true, Response = typeof(ReferralResponse))]
    public Task<IActionResult> WithdrawReferral([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "referrals/{referralId}/withdraw")] HttpRequest request, string referralId) =>
        api.HandleAsync(request, async (caller, ct) => ApiResults.Ok(await withdraw.ExecuteAsync(caller, referralId, ct)));

    [Function(nameof(CompleteReferral))]
    [ApiDoc("Complete an accepted referral with its outcome (the referred organisation): its part in the case ends.", Operation = ApiOperation.CompleteReferral, WorkflowConflict = true, Request = typeof(CompleteReferralRequest), Response = typeof(ReferralResponse))]
    public Task<IActionResult> CompleteReferral([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "referrals/{referralId}/complete")] HttpRequest request, string referralId) =>
        api.HandleAsync(request, async (caller, ct) =>
        {
            var (body, _) = await RequestBody.ReadAsync<CompleteReferralRequest>(request, ct);
            return ApiResults.Ok(await complete.ExecuteAsync(caller, referralId, body, ct));
        });
}
