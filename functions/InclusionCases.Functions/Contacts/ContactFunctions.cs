using InclusionCases.Functions.Contacts.Contracts;
using InclusionCases.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InclusionCases.Functions.Contacts;

/// <summary>The street contact routes: thin adapters from HTTP to <see cref="ContactService"/>.</summary>
public sealed class ContactFunctions(HttpApi api, ContactService contacts)
{
    [Function(nameof(LogContact))]
    public Task<IActionResult> LogContact([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "contacts")] HttpRequest request) =>
        api.HandleAsync(request, async (caller, ct) =>
        {
            var (body, _) = await RequestBody.ReadAsync<ContactRequest>(request, ct);
            var (created, contact) = await contacts.LogAsync(caller, body, ct);
            // No route reads one contact, so a 201 here carries no Location.
            return created ? new JsonBodyResult(StatusCodes.Status201Created, contact) : ApiResults.Ok(contact);
        });

    [Function(nameof(SubmitContactBatch))]
    public Task<IActionResult> SubmitContactBatch([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "contacts/batch")] HttpRequest request) =>
        api.HandleAsync(request, async (caller, ct) =>
        {
            var (body, _) = await RequestBody.ReadAsync<ContactBatchRequest>(request, ct);
            var accepted = await contacts.SubmitBatchAsync(caller, body, ct);
            var result = ApiResults.Accepted(accepted);
            result.Headers["Location"] = $"/api/contacts/batch/{accepted.BatchId}";
            return result;
        });

    [Function(nameof(GetContactBatch))]
    public Task<IActionResult> GetContactBatch([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "contacts/batch/{batchId}")] HttpRequest request, string batchId) =>
        api.HandleAsync(request, async (caller, ct) => ApiResults.Ok(await contacts.BatchStatusAsync(caller, batchId, ct)));

    [Function(nameof(ListContacts))]
    public Task<IActionResult> ListContacts([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "contacts")] HttpRequest request) =>
        api.HandleAsync(request, async (caller, ct) =>
        {
            var errors = new FieldErrors();
            var zone = request.Query["zone"].ToString();
            errors.Optional("zone", zone, Domain.Contacts.StreetContactRules.MaxZoneLength);
            var from = QueryTimes.Read(request, "from", errors);
            var to = QueryTimes.Read(request, "to", errors);
            var paging = Paging.From(request);
            errors.ThrowIfAny();
            return ApiResults.Ok(await contacts.ListAsync(caller, zone.Length == 0 ? null : zone, from, to, paging, ct));
        });
}
