using System.ComponentModel.DataAnnotations;
using InclusionCases.Functions.Http;

namespace InclusionCases.Functions.Cases.Contracts;

/// <summary>Body of <c>POST /api/cases/{caseId}/notes</c>.</summary>
public sealed record NoteRequest([property: Required, MaxLength(FieldErrors.MaxNoteLength)] string? Text, [property: Required] NoteVisibility? Visibility);
