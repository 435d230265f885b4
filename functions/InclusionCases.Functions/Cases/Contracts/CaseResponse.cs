using InclusionCases.Domain.Cases;

namespace InclusionCases.Functions.Cases.Contracts;

/// <summary>A case as a caller may see it (see <see cref="CaseProjection"/>).</summary>
public sealed record CaseResponse(
    string Id,
    CaseType Type,
    CaseStatus Status,
    string LeadOrganisationId,
    IReadOnlyList<string> Participants,
    string? AssignedWorkerId,
    PersonResponse Person,
    HousingResponse? Housing,
    ClosureResponse? Closure,
    PiisResponse? Piis,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
