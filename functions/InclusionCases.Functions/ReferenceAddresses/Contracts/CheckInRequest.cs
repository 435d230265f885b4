using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace InclusionCases.Functions.ReferenceAddresses.Contracts;

/// <summary>Body of <c>POST /api/persons/{personId}/reference-address/check-ins</c>.</summary>
public sealed record CheckInRequest(
    [property: Required, Description("A UUID the client makes for this check-in: sending it again records nothing more.")] string? Id,
    [property: Required, Description("The day the person reported to the CPAS; not in the future, not before since nor the last check-in.")] DateOnly? On);
