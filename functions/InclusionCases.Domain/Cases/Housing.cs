namespace InclusionCases.Domain.Cases;

/// <summary>The housing of a case: when the person moved in, and how the tenancy stands.</summary>
public sealed record Housing(DateOnly? MoveInDate, TenancyStatus? TenancyStatus);
