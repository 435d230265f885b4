using InclusionCases.Domain.Cases;

namespace InclusionCases.Functions.Cases.Contracts;

/// <summary>A case in a list: no personal data (read the case for that, which is audited).</summary>
public sealed record CaseSummary(
    string Id,
    CaseType Type,
    CaseStatus Status,
    string LeadOrganisationId,
    string? AssignedWorkerId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
