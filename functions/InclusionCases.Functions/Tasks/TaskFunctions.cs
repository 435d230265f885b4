using InclusionCases.Domain.Access;
using InclusionCases.Domain.Tasks;
using InclusionCases.Functions.Hosting;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Pipeline;
using InclusionCases.Functions.Tasks.Contracts;
using InclusionCases.Functions.Tasks.UseCases;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InclusionCases.Functions.Tasks;

/// <summary>The follow-up task routes: thin adapters from HTTP to one use case each.</summary>
public sealed class TaskFunctions(HttpApi api, ListTasks list, GetTask get, CreateTask create, UpdateTask update)
{
    [Function(nameof(ListTasks))]
    [ApiDoc("The caller's organisation's follow-up tasks (scope=organisation) or those assigned to the caller (scope=me), soonest due first; open ones by default. No titles, nothing about the person.", Operation = ApiOperation.ListTasks, Query = ["scope", "status", "kind", "limit", "cursor"], Response = typeof(PageResponse<TaskSummary>))]
    public Task<IActionResult> ListTasks([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "tasks")] HttpRequest request) =>
        api.HandleAsync(request, async (caller, ct) =>
        {
            var errors = new FieldErrors();
            var scope = QueryValues.Enum<TaskListScope>(request, "scope", errors) ?? TaskListScope.Organisation;
            var status = QueryValues.Enum<TaskListStatus>(request, "status", errors) ?? TaskListStatus.Open;
            var kind = QueryValues.Enum<TaskKind>(request, "kind", errors);
            var paging = Paging.From(request);
            errors.ThrowIfAny();
            return ApiResults.Ok(await list.ExecuteAsync(caller, scope, status, kind, paging, ct));
        });

    [Function(nameof(CreateTask))]
    [ApiDoc("Write a task on a case your organisation sees (kind custom); it is your organisation's to-do. A closed case takes none (409).", Operation = ApiOperation.CreateTask, Success = 201, Location = true, Idempotent = true, Request = typeof(CreateTaskRequest), Response = typeof(TaskResponse))]
    public Task<IActionResult> CreateTask([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseId}/tasks")] HttpRequest request, string caseId) =>
        api.HandleAsync(request, async (caller, ct) =>
        {
            var (body, _) = await RequestBody.ReadAsync<CreateTaskRequest>(request, ct);
            var task = await create.ExecuteAsync(caller, caseId, body, ct);
            return ApiResults.Created($"/api/tasks/{task.Id}", task);
        });

    [Function(nameof(UpdateTask))]
    [ApiDoc("Close an open task as done or cancelled, under If-Match; only its organisation's social workers. A closed task does not move again (409).", Operation = ApiOperation.UpdateTask, Conditional = true, ETag = true, Request = typeof(UpdateTaskRequest), Response = typeof(TaskResponse))]
    public Task<IActionResult> UpdateTask([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "tasks/{taskId}")] HttpRequest request, string taskId) =>
        api.HandleAsync(request, async (caller, ct) =>
        {
            var (body, _) = await RequestBody.ReadAsync<UpdateTaskRequest>(request, ct);
            var (task, etag) = await update.ExecuteAsync(caller, taskId, request.Headers.IfMatch.ToString(), body, ct);
            return ApiResults.Ok(task, etag);
        });

    [Function(nameof(GetTask))]
    [ApiDoc("A follow-up task, for whoever may read its case, with its ETag.", Operation = ApiOperation.ReadTask, ETag = true, Response = typeof(TaskResponse))]
    public Task<IActionResult> GetTask([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "tasks/{taskId}")] HttpRequest request, string taskId) =>
        api.HandleAsync(request, async (caller, ct) =>
        {
            var (task, etag) = await get.ExecuteAsync(caller, taskId, ct);
            return ApiResults.Ok(task, etag);
        });
}
