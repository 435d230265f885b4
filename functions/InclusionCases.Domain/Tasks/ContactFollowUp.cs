namespace InclusionCases.Domain.Tasks;

/// <summary>A street contact flagged <c>followUp</c> that names the person: its id and the Brussels day it was observed.</summary>
public sealed record ContactFollowUp(string ContactId, DateOnly ObservedOn);
