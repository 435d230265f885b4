using InclusionCases.Domain.Cases;

namespace InclusionCases.Functions.Cases.Contracts;

/// <summary>The housing of a case.</summary>
public sealed record HousingResponse(DateOnly? MoveInDate, TenancyStatus? TenancyStatus);
