using InclusionCases.Domain.Contacts;

namespace InclusionCases.Functions.Contacts.Contracts;

/// <summary>A stored street contact (location rounded to about 100 m).</summary>
public sealed record ContactResponse(
    string Id,
    string OrganisationId,
    string MediatorId,
    DateTimeOffset ObservedAt,
    string Zone,
    GeoPoint? Location,
    string? PersonId,
    string? Alias,
    IReadOnlyList<Need> Needs,
    IReadOnlyList<Need> ServicesOffered,
    string? Notes,
    bool BeddedDown,
    bool FollowUp)
{
    public static ContactResponse From(StoredContact stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var c = stored.Contact;
        return new(c.Id, stored.OrganisationId, stored.MediatorId, c.ObservedAt, c.Zone, c.Location, c.PersonId, c.Alias, c.Needs, c.ServicesOffered, c.Notes, c.BeddedDown, c.FollowUp);
    }
}
