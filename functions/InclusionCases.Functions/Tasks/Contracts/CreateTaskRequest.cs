using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using InclusionCases.Functions.Http;

namespace InclusionCases.Functions.Tasks.Contracts;

/// <summary>Body of <c>POST /api/cases/{caseId}/tasks</c>: a task a social worker writes (kind <c>custom</c>).</summary>
public sealed record CreateTaskRequest(
    [property: Required, MaxLength(FieldErrors.MaxNameLength)] string? Title,
    [property: Required, Description("From today (Brussels) to two years ahead.")] DateOnly? DueOn,
    [property: Description("The object id of the worker it is for; left out, the organisation's."), MaxLength(FieldErrors.MaxNameLength)] string? AssignedWorkerId);
