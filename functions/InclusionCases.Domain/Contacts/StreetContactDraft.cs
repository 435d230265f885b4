namespace InclusionCases.Domain.Contacts;

/// <summary>A street contact as a mediator's phone sends it, before it is checked and rounded.</summary>
public sealed record StreetContactDraft(
    string? Id,
    DateTimeOffset? ObservedAt,
    string? Zone,
    double? Lat,
    double? Lon,
    bool HasLocation,
    string? PersonId,
    string? Alias,
    IReadOnlyList<Need>? Needs,
    IReadOnlyList<Need>? ServicesOffered,
    string? Notes,
    bool? BeddedDown,
    bool? FollowUp);
