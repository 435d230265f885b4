using InclusionCases.Domain.Access;
using InclusionCases.Functions.Consents.Contracts;
using InclusionCases.Functions.Consents.UseCases;
using InclusionCases.Functions.Hosting;
using InclusionCases.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using InclusionCases.Functions.Pipeline;

namespace InclusionCases.Functions.Consents;

/// <summary>The consent routes: thin adapters from HTTP to one use case each.</summary>
public sealed class ConsentFunctions(HttpApi api, RecordConsent record, RevokeConsent revoke)
{
    [Function(nameof(RecordConsent))]
    [ApiDoc("Record the person's consent to share with organisations (a holder of the person only).", Operation = ApiOperation.RecordConsent, Success = 201, Location = true, Idempotent = true, Request = typeof(ConsentRequest), Response = typeof(ConsentResponse))]
    public Task<IActionResult> RecordConsent([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "persons/{personId}/consents")] HttpRequest request, string personId) =>
        api.HandleAsync(request, async (caller, ct) =>
        {
            var (body, _) = await RequestBody.ReadAsync<ConsentRequest>(request, ct);
            var consent = await record.ExecuteAsync(caller, personId, body, ct);
            return ApiResults.Created($"/api/persons/{personId}/consents/{consent.Id}", consent);
        });

    [Function(nameof(RevokeConsent))]
    [ApiDoc("Revoke a consent; the access it granted ends at once.", Operation = ApiOperation.RevokeConsent, Success = 204)]
    public Task<IActionResult> RevokeConsent([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "persons/{personId}/consents/{consentId}")] HttpRequest request, string personId, string consentId) =>
        api.HandleAsync(request, async (caller, ct) =>
        {
            await revoke.ExecuteAsync(caller, personId, consentId, ct);
            return ApiResults.NoContent();
        });
}
