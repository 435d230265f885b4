using InclusionCases.Domain.Access;
using InclusionCases.Functions.PersonFile;
using InclusionCases.Functions.Contacts.Contracts;
using InclusionCases.Functions.Hosting;
using InclusionCases.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using InclusionCases.Functions.Pipeline;

namespace InclusionCases.Functions.Contacts;

/// <summary>
/// <c>GET /api/cases/{caseId}/outreach</c>: the street contacts that name the case's person, newest
/// first, for whoever may read the case (the same decision as the case itself, audited).
/// </summary>
public sealed class OutreachFunction(HttpApi api, PersonFileAccess files, ContactStore store)
{
    [Function(nameof(GetOutreach))]
    [ApiDoc("Street contacts naming the case's person, for those who may read the case.", Operation = ApiOperation.ReadOutreach, Query = ["limit", "cursor"], Response = typeof(PageResponse<ContactResponse>))]
    public Task<IActionResult> GetOutreach([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases/{caseId}/outreach")] HttpRequest request, string caseId) =>
        api.HandleAsync(request, async (caller, ct) =>
        {
            var paging = Paging.From(request);
            var (_, stored) = await files.ReadCaseAsync(caller, ApiOperation.ReadOutreach, caseId, ct);
            var (items, token) = await store.OutreachAsync(stored.Value.PersonId, paging, ct);
            return ApiResults.Ok(new PageResponse<ContactResponse>([.. items.Select(ContactResponse.From)], Paging.Encode(token)));
        });
}
