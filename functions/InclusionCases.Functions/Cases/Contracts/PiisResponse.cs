namespace InclusionCases.Functions.Cases.Contracts;

/// <summary>The PIIS of a case: the day it was signed; its reviews are derived tasks every three months from then.</summary>
public sealed record PiisResponse(DateOnly SignedOn);
