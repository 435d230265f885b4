using InclusionCases.Domain.Contacts;

namespace InclusionCases.Functions.Contacts.Contracts;

/// <summary>A street contact as the mediator's phone sends it (<c>POST /api/contacts</c>, or one item of a batch).</summary>
public sealed record ContactRequest(
    string? Id,
    DateTimeOffset? ObservedAt,
    string? Zone,
    LocationInput? Location,
    string? PersonId,
    string? Alias,
    Need[]? Needs,
    Need[]? ServicesOffered,
    string? Notes,
    bool? BeddedDown,
    bool? FollowUp)
{
    public StreetContactDraft ToDraft() => new(
        Id, ObservedAt, Zone, Location?.Lat, Location?.Lon, Location is not null, PersonId, Alias, Needs, ServicesOffered, Notes, BeddedDown, FollowUp);
}
