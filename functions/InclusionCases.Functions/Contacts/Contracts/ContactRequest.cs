using System.ComponentModel.DataAnnotations;
using InclusionCases.Domain.Contacts;

namespace InclusionCases.Functions.Contacts.Contracts;

/// <summary>A street contact as the mediator's phone sends it (<c>POST /api/contacts</c>, or one item of a batch).</summary>
public sealed record ContactRequest(
    [property: Required] string? Id,
    [property: Required] DateTimeOffset? ObservedAt,
    [property: Required, MaxLength(StreetContactRules.MaxZoneLength)] string? Zone,
    LocationInput? Location,
    string? PersonId,
    [property: MaxLength(StreetContactRules.MaxAliasLength)] string? Alias,
    [property: Required] Need[]? Needs,
    [property: Required] Need[]? ServicesOffered,
    [property: MaxLength(StreetContactRules.MaxNotesLength)] string? Notes,
    bool? BeddedDown,
    bool? FollowUp)
{
    public StreetContactDraft ToDraft() => new(
        Id, ObservedAt, Zone, Location?.Lat, Location?.Lon, Location is not null, PersonId, Alias, Needs, ServicesOffered, Notes, BeddedDown, FollowUp);
}
