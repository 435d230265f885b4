using InclusionCases.Domain.Access;
using InclusionCases.Functions.Hosting;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Pipeline;
using InclusionCases.Functions.ReferenceAddresses.Contracts;
using InclusionCases.Functions.ReferenceAddresses.UseCases;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InclusionCases.Functions.ReferenceAddresses;

/// <summary>The reference-address routes: thin adapters from HTTP to one use case each.</summary>
public sealed class ReferenceAddressFunctions(HttpApi api, SetReferenceAddress set, RecordCheckIn checkIn)
{
    [Function(nameof(SetReferenceAddress))]
    [ApiDoc("Set the person's reference address at your CPAS (a holder of the person): since when, and the last check-in; answers when the next is due.", Operation = ApiOperation.SetReferenceAddress, Request = typeof(ReferenceAddressRequest), Response = typeof(ReferenceAddressResponse))]
    public Task<IActionResult> SetReferenceAddress([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "persons/{personId}/reference-address")] HttpRequest request, string personId) =>
        api.HandleAsync(request, async (caller, ct) =>
        {
            var (body, _) = await RequestBody.ReadAsync<ReferenceAddressRequest>(request, ct);
            return ApiResults.Ok(await set.ExecuteAsync(caller, personId, body, ct));
        });

    [Function(nameof(RecordCheckIn))]
    [ApiDoc("Record that the person reported to the CPAS keeping their reference address (201; 200 when the check-in id is already stored for that day; 409 for another day).", Operation = ApiOperation.RecordCheckIn, Success = 201, AlsoSuccess = 200, Idempotent = true, Request = typeof(CheckInRequest), Response = typeof(ReferenceAddressResponse))]
    public Task<IActionResult> RecordCheckIn([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "persons/{personId}/reference-address/check-ins")] HttpRequest request, string personId) =>
        api.HandleAsync(request, async (caller, ct) =>
        {
            var (body, _) = await RequestBody.ReadAsync<CheckInRequest>(request, ct);
            var (created, address) = await checkIn.ExecuteAsync(caller, personId, body, ct);
            return created ? new JsonBodyResult(StatusCodes.Status201Created, address) : ApiResults.Ok(address);
        });
}
