using InclusionCases.Domain.Cases;

namespace InclusionCases.Functions.Cases.Contracts;

/// <summary>Housing fields of a case update.</summary>
public sealed record HousingInput(DateOnly? MoveInDate, TenancyStatus? TenancyStatus);
