using InclusionCases.Domain.Access;
using InclusionCases.Functions.Contacts.Contracts;
using InclusionCases.Functions.Hosting;
using InclusionCases.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using InclusionCases.Functions.Pipeline;

namespace InclusionCases.Functions.Contacts;

/// <summary>The street contact routes: thin adapters from HTTP to <see cref="ContactService"/>.</summary>
public sealed class ContactFunctions(HttpApi api, ContactService contacts)
{
    [Function(nameof(LogContact))]
    [ApiDoc("Log one street contact (201; 200 when the same contact is already stored under its id; 409 when the id holds another contact; 410 when the person was erased).", Operation = ApiOperation.LogContacts, Success = 201, AlsoSuccess = 200, Idempotent = true, Request = typeof(ContactRequest), Response = typeof(ContactResponse))]
    public Task<IActionResult> LogContact([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "contacts")] HttpRequest request) =>
        api.HandleAsync(request, async (caller, ct) =>
        {
            var (body, _) = await RequestBody.ReadAsync<ContactRequest>(request, ct);
            var (created, contact) = await contacts.LogAsync(caller, body, ct);
            // No route reads one contact, so a 201 here carries no Location.
            return created ? new JsonBodyResult(StatusCodes.Status201Created, contact) : ApiResults.Ok(contact);
        });

    [Function(nameof(SubmitContactBatch))]
    [ApiDoc("Upload up to 500 contacts; each is checked on its own (rejected by index), the rest stored through the contact-intake queue, each once.", Operation = ApiOperation.LogContacts, Success = 202, Location = true, Idempotent = true, Request = typeof(ContactBatchRequest), Response = typeof(ContactBatchAccepted))]
    public Task<IActionResult> SubmitContactBatch([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "contacts/batch")] HttpRequest request) =>
        api.HandleAsync(request, async (caller, ct) =>
        {
            // Read as raw items: each contact is read on its own, so one bad contact rejects its index only.
            var body = await RequestBody.ReadEnvelopeAsync<ContactBatchBody>(request, ct);
            var accepted = await contacts.SubmitBatchAsync(caller, body, ct);
            var result = ApiResults.Accepted(accepted);
            result.Headers["Location"] = $"/api/contacts/batch/{accepted.BatchId}";
            return result;
        });

    [Function(nameof(GetContactBatch))]
    [ApiDoc("Progress of a contact batch, with the contacts rejected at intake.", Operation = ApiOperation.ListContacts, Response = typeof(ContactBatchStatus))]
    public Task<IActionResult> GetContactBatch([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "contacts/batch/{batchId}")] HttpRequest request, string batchId) =>
        api.HandleAsync(request, async (caller, ct) => ApiResults.Ok(await contacts.BatchStatusAsync(caller, batchId, ct)));

    [Function(nameof(ListContacts))]
    [ApiDoc("The caller's organisation's street contacts, newest first.", Operation = ApiOperation.ListContacts, Query = ["zone", "from", "to", "limit", "cursor"], Response = typeof(PageResponse<ContactResponse>))]
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
