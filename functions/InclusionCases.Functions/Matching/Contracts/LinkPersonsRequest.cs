using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace InclusionCases.Functions.Matching.Contracts;

/// <summary>Two records of one person: the other record, and why they are one.</summary>
public sealed record LinkPersonsRequest(
    [property: Required, MaxLength(LinkPersonsRequest.MaxIdLength), Description("The other record of the same person: one your organisation holds too.")] string? OtherPersonId,
    [property: Required, MaxLength(LinkPersonsRequest.MaxEvidenceLength), Description("Why they are one person, e.g. the identity card seen at both.")] string? Evidence)
{
    public const int MaxIdLength = 64;
    public const int MaxEvidenceLength = 2_000;
}
