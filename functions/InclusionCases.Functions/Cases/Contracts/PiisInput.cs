using System.ComponentModel.DataAnnotations;

namespace InclusionCases.Functions.Cases.Contracts;

/// <summary>The PIIS of a case update: the day it was signed (not in the future). Send <c>piis: null</c> to remove it.</summary>
public sealed record PiisInput([property: Required] DateOnly? SignedOn);
