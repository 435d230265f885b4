using InclusionCases.Domain.Access;
using InclusionCases.Functions.Hosting;
using InclusionCases.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using InclusionCases.Functions.Pipeline;

namespace InclusionCases.Functions.Oversight;

/// <summary>The data-protection officer's routes: thin adapters to <see cref="AuditQueries"/> and <see cref="PersonRecords"/>.</summary>
public sealed class OversightFunctions(HttpApi api, AuditQueries audit, PersonRecords persons)
{
    [Function(nameof(ListAudit))]
    [ApiDoc("Audit entries by person, actor or time, newest first, denied attempts included.", Operation = ApiOperation.ReadAudit, Query = ["personId", "actorId", "from", "to", "limit", "cursor"], Response = typeof(PageResponse<AuditItem>))]
    public Task<IActionResult> ListAudit([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "audit")] HttpRequest request) =>
        api.HandleAsync(request, async (caller, ct) =>
        {
            var errors = new FieldErrors();
            var from = QueryTimes.Read(request, "from", errors);
            var to = QueryTimes.Read(request, "to", errors);
            var paging = Paging.From(request);
            errors.ThrowIfAny();
            var personId = request.Query["personId"].ToString();
            var actorId = request.Query["actorId"].ToString();
            return ApiResults.Ok(await audit.ListAsync(caller, personId.Length == 0 ? null : personId, actorId.Length == 0 ? null : actorId, from, to, paging, ct));
        });

    [Function(nameof(ExportPerson))]
    [ApiDoc("Everything held about a person, with the disclosure log (GDPR art. 15).", Operation = ApiOperation.ExportPerson, Response = typeof(PersonExport))]
    public Task<IActionResult> ExportPerson([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "persons/{personId}/export")] HttpRequest request, string personId) =>
        api.HandleAsync(request, async (caller, ct) => ApiResults.Ok(await persons.ExportAsync(caller, personId, ct)));

    [Function(nameof(ErasePerson))]
    [ApiDoc("Erase a person's identifying and sensitive data everywhere; ids, dates and counts stay (GDPR art. 17).", Operation = ApiOperation.ErasePerson, Response = typeof(ErasureResult))]
    public Task<IActionResult> ErasePerson([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "persons/{personId}/erase")] HttpRequest request, string personId) =>
        api.HandleAsync(request, async (caller, ct) => ApiResults.Ok(await persons.EraseAsync(caller, personId, ct)));
}
