using InclusionCases.Domain.Access;
using InclusionCases.Functions.Hosting;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Localization;
using InclusionCases.Functions.Matching.Contracts;
using InclusionCases.Functions.Matching.UseCases;
using InclusionCases.Functions.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InclusionCases.Functions.Matching;

/// <summary>The matching routes: thin adapters from HTTP to one use case each.</summary>
public sealed class MatchingFunctions(HttpApi api, MatchPerson match, ListMatchRequests list, UseCases.ReferMatchRequest refer, DismissMatchRequest dismiss, LinkPersons link, SplitPersons split)
{
    [Function(nameof(MatchPerson))]
    [ApiDoc("Look for a person among those your organisation may already see (a Mediator: those its street contacts name), by at least two of name, aliases, birth year, gender, zone and NISS/BIS numbers. The answer never tells whether another organisation holds the person: if one does, it gets a match request, and your call is listed under outgoing match requests either way. At most 30 calls per caller an hour.", Operation = ApiOperation.MatchPerson, RateLimited = true, Request = typeof(MatchPersonRequest), Response = typeof(MatchResponse))]
    public Task<IActionResult> MatchPerson([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "persons/match")] HttpRequest request) =>
        api.HandleAsync(request, async (caller, ct) =>
        {
            var (body, _) = await RequestBody.ReadAsync<MatchPersonRequest>(request, ct);
            return ApiResults.Ok(await match.ExecuteAsync(caller, body, ct));
        });

    [Function(nameof(ListMatchRequests))]
    [ApiDoc("Your organisation's match requests, newest first: outgoing (your own match calls, only pending or closed) or incoming (calls that matched a person your organisation holds, with the caller's fields and your person).", Operation = ApiOperation.ListMatchRequests, Query = ["direction", "limit", "cursor"], Response = typeof(PageResponse<MatchRequestResponse>))]
    public Task<IActionResult> ListMatchRequests([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "match-requests")] HttpRequest request) =>
        api.HandleAsync(request, async (caller, ct) =>
        {
            var errors = new FieldErrors();
            var direction = QueryValues.Enum<MatchRequestDirection>(request, "direction", errors);
            if (direction is null && !errors.Any)
            {
                errors.Add("direction", ApiText.DirectionRequired);
            }

            var paging = Paging.From(request);
            errors.ThrowIfAny();
            return ApiResults.Ok(await list.ExecuteAsync(caller, direction!.Value, paging, ct));
        });

    [Function(nameof(ReferMatchRequest))]
    [ApiDoc("Answer an incoming match request with a referral of your case of the matched person to the organisation that asked, through the referral route's own checks: the person's consent must cover that organisation (else 409 consent-required).", Operation = ApiOperation.ReferMatchRequest, RequestOptional = true, Request = typeof(Contracts.ReferMatchRequest), Response = typeof(MatchRequestResponse))]
    public Task<IActionResult> ReferMatchRequest([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "match-requests/{matchRequestId}/refer")] HttpRequest request, string matchRequestId) =>
        api.HandleAsync(request, async (caller, ct) =>
        {
            var body = await RequestBody.ReadOptionalAsync<Contracts.ReferMatchRequest>(request, ct) ?? new Contracts.ReferMatchRequest(null, null);
            return ApiResults.Ok(await refer.ExecuteAsync(caller, matchRequestId, body, ct));
        });

    [Function(nameof(DismissMatchRequest))]
    [ApiDoc("Answer an incoming match request without a referral. The organisation that asked is not told: its request stays pending until its window ends, like every other.", Operation = ApiOperation.DismissMatchRequest, Response = typeof(MatchRequestResponse))]
    public Task<IActionResult> DismissMatchRequest([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "match-requests/{matchRequestId}/dismiss")] HttpRequest request, string matchRequestId) =>
        api.HandleAsync(request, async (caller, ct) => ApiResults.Ok(await dismiss.ExecuteAsync(caller, matchRequestId, ct)));

    [Function(nameof(LinkPersons))]
    [ApiDoc("Link two records of one person (a SocialWorker of an organisation holding both, or an Auditor), with the evidence: from then on an export or erasure of either takes in the other, and a match answers them as one person. The Location is the link, to split with DELETE.", Operation = ApiOperation.LinkPersons, Success = 201, Location = true, Request = typeof(LinkPersonsRequest), Response = typeof(PersonLinkResponse))]
    public Task<IActionResult> LinkPersons([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "persons/{personId}/links")] HttpRequest request, string personId) =>
        api.HandleAsync(request, async (caller, ct) =>
        {
            var (body, _) = await RequestBody.ReadAsync<LinkPersonsRequest>(request, ct);
            var created = await link.ExecuteAsync(caller, personId, body, ct);
            return ApiResults.Created($"/api/persons/{personId}/links/{created.Id}", created);
        });

    [Function(nameof(SplitPersons))]
    [ApiDoc("Split two linked records: they are two persons again, and are never proposed as one again. On the same terms as linking them.", Operation = ApiOperation.SplitPersons, Success = 204)]
    public Task<IActionResult> SplitPersons([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "persons/{personId}/links/{linkId}")] HttpRequest request, string personId, string linkId) =>
        api.HandleAsync(request, async (caller, ct) =>
        {
            await split.ExecuteAsync(caller, personId, linkId, ct);
            return ApiResults.NoContent();
        });
}
