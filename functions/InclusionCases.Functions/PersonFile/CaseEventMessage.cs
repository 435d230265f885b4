namespace InclusionCases.Functions.PersonFile;

/// <summary>The <c>case-events</c> message: which person's partition to project.</summary>
public sealed record CaseEventMessage(string PersonId);
