using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using InclusionCases.Functions.Referrals.UseCases;

namespace InclusionCases.Functions.Matching.Contracts;

/// <summary>The holder's referral in answer to a match request: from which of its cases of the person, and why.</summary>
public sealed record ReferMatchRequest(
    [property: MaxLength(ReferMatchRequest.MaxCaseIdLength), Description("The case to refer from: one your organisation leads for the matched person. Optional when it leads exactly one open case of theirs.")] string? CaseId,
    [property: MaxLength(CreateReferral.MaxReasonLength), Description("The referral's reason; a sentence naming the match request when left out.")] string? Reason)
{
    public const int MaxCaseIdLength = 64;
}
