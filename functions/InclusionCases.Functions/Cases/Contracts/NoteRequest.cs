namespace InclusionCases.Functions.Cases.Contracts;

/// <summary>Body of <c>POST /api/cases/{caseId}/notes</c>.</summary>
public sealed record NoteRequest(string? Text, NoteVisibility? Visibility);
