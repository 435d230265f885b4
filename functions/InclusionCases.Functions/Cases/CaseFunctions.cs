using InclusionCases.Domain.Access;
using InclusionCases.Domain.Cases;
using InclusionCases.Functions.Cases.Contracts;
using InclusionCases.Functions.Cases.UseCases;
using InclusionCases.Functions.Hosting;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Localization;
using InclusionCases.Functions.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InclusionCases.Functions.Cases;

/// <summary>The case routes: thin adapters from HTTP to one use case each.</summary>
public sealed class CaseFunctions(HttpApi api, CreateCase create, ListCases list, GetCase get, UpdateCase update, AddNote addNote, ReadTimeline timeline, EndParticipation endParticipation)
{
    [Function(nameof(CreateCase))]
    [ApiDoc("Open a case; the caller's organisation leads it and it starts at intake.", Operation = ApiOperation.CreateCase, Success = 201, Location = true, ETag = true, Idempotent = true, Request = typeof(CreateCaseRequest), Response = typeof(CaseResponse))]
    public Task<IActionResult> CreateCase([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases")] HttpRequest request) =>
        api.HandleAsync(request, async (caller, ct) =>
        {
            var (body, _) = await RequestBody.ReadAsync<CreateCaseRequest>(request, ct);
            var (created, etag) = await create.ExecuteAsync(caller, body, ct);
            return ApiResults.Created($"/api/cases/{created.Id}", created, etag);
        });

    [Function(nameof(ListCases))]
    [ApiDoc("The cases the caller's organisation sees, newest change first (no personal data).", Operation = ApiOperation.ListCases, Query = ["status", "type", "assignedTo", "limit", "cursor"], Response = typeof(PageResponse<CaseSummary>))]
    public Task<IActionResult> ListCases([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases")] HttpRequest request) =>
        api.HandleAsync(request, async (caller, ct) =>
        {
            var errors = new FieldErrors();
            var status = QueryValues.Enum<CaseStatus>(request, "status", errors);
            var type = QueryValues.Enum<CaseType>(request, "type", errors);
            var assignedTo = request.Query["assignedTo"].ToString();
            if (assignedTo.Length > 0 && assignedTo != "me")
            {
                errors.Add("assignedTo", ApiText.OnlyMe);
            }

            var paging = Paging.From(request);
            errors.ThrowIfAny();
            return ApiResults.Ok(await list.ExecuteAsync(caller, status, type, assignedTo == "me", paging, ct));
        });

    [Function(nameof(GetCase))]
    [ApiDoc("A case, with ETag; person.sensitive only for those allowed.", Operation = ApiOperation.ReadCase, ETag = true, Response = typeof(CaseResponse))]
    public Task<IActionResult> GetCase([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases/{caseId}")] HttpRequest request, string caseId) =>
        api.HandleAsync(request, async (caller, ct) =>
        {
            var (found, etag) = await get.ExecuteAsync(caller, caseId, ct);
            return ApiResults.Ok(found, etag);
        });

    [Function(nameof(UpdateCase))]
    [ApiDoc("Change a case (merge semantics) under If-Match; status moves follow the workflow.", Operation = ApiOperation.UpdateCase, Conditional = true, ETag = true, WorkflowConflict = true, Request = typeof(UpdateCaseRequest), Response = typeof(CaseResponse))]
    public Task<IActionResult> UpdateCase([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "cases/{caseId}")] HttpRequest request, string caseId) =>
        api.HandleAsync(request, async (caller, ct) =>
        {
            var (body, json) = await RequestBody.ReadAsync<UpdateCaseRequest>(request, ct);
            var (updated, etag) = await update.ExecuteAsync(caller, caseId, request.Headers.IfMatch.ToString(), body, json, ct);
            return ApiResults.Ok(updated, etag);
        });

    [Function(nameof(EndParticipation))]
    [ApiDoc("End a participant organisation's part in the case at once (the case's lead); it no longer sees the case, whatever consent says.", Operation = ApiOperation.EndParticipation, Success = 204)]
    public Task<IActionResult> EndParticipation([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "cases/{caseId}/participants/{organisationId}")] HttpRequest request, string caseId, string organisationId) =>
        api.HandleAsync(request, async (caller, ct) =>
        {
            await endParticipation.ExecuteAsync(caller, caseId, organisationId, ct);
            return ApiResults.NoContent();
        });

    [Function(nameof(AddNote))]
    [ApiDoc("Add a shared or organisation-only note to a case.", Operation = ApiOperation.AddNote, Success = 201, Location = true, Idempotent = true, Request = typeof(NoteRequest), Response = typeof(TimelineItem))]
    public Task<IActionResult> AddNote([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseId}/notes")] HttpRequest request, string caseId) =>
        api.HandleAsync(request, async (caller, ct) =>
        {
            var (body, _) = await RequestBody.ReadAsync<NoteRequest>(request, ct);
            var note = await addNote.ExecuteAsync(caller, caseId, body, ct);
            return ApiResults.Created($"/api/cases/{caseId}/timeline", note);
        });

    [Function(nameof(GetTimeline))]
    [ApiDoc("A case's notes and events, newest first, as the caller may see them.", Operation = ApiOperation.ReadTimeline, Query = ["limit", "cursor"], Response = typeof(PageResponse<TimelineItem>))]
    public Task<IActionResult> GetTimeline([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases/{caseId}/timeline")] HttpRequest request, string caseId) =>
        api.HandleAsync(request, async (caller, ct) => ApiResults.Ok(await timeline.ExecuteAsync(caller, caseId, Paging.From(request), ct)));
}
