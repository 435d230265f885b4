using InclusionCases.Domain.Cases;

namespace InclusionCases.Functions.Cases;

/// <summary>A row of an organisation's case list, as the projector last wrote it.</summary>
public sealed record IndexedCase(
    string CaseId,
    string PersonId,
    CaseType Type,
    CaseStatus Status,
    string LeadOrganisationId,
    string? AssignedWorkerId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    bool AsLead);
