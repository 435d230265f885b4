using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using InclusionCases.Domain.Matching;

namespace InclusionCases.Functions.Cases.Contracts;

/// <summary>A NISS or BIS number as a request gives it; it is checked, hashed, and never stored or answered.</summary>
public sealed record IdentifierInput(
    [property: Required] IdentifierScheme? Scheme,
    [property: Required, MaxLength(IdentifierInput.MaxValueLength), Description("11 digits; dots, dashes and spaces as printed on the card are ignored. The check digits must hold.")] string? Value)
{
    public const int MaxValueLength = 20;
}
