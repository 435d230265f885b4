using InclusionCases.Domain.Contacts;

namespace InclusionCases.Functions.Contacts;

/// <summary>
/// One contact of a <c>contact-intake</c> message: a contact that passed the batch's checks (location
/// already rounded), with its index in the original batch (to report it at intake) and its
/// <see cref="ContactFingerprint"/> (versioned). Its own type, not the HTTP request's, so the API
/// contract and the queue format change apart. Every field reads as optional: the intake checks the
/// contact again (a queue is an input too) and rejects that index, never the whole chunk.
/// </summary>
public sealed record CheckedContact(
    int? Index,
    string? Fingerprint,
    string? Id,
    DateTimeOffset? ObservedAt,
    string? Zone,
    QueuedLocation? Location,
    string? PersonId,
    string? Alias,
    IReadOnlyList<Need>? Needs,
    IReadOnlyList<Need>? ServicesOffered,
    string? Notes,
    bool? BeddedDown,
    bool? FollowUp)
{
    /// <summary>The queued form of a checked contact, at index <paramref name="index"/> of its batch.</summary>
    public static CheckedContact From(int index, StreetContact contact, string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return new(
            index, fingerprint, contact.Id, contact.ObservedAt, contact.Zone,
            contact.Location is null ? null : new QueuedLocation(contact.Location.Lat, contact.Location.Lon),
            contact.PersonId, contact.Alias, contact.Needs, contact.ServicesOffered, contact.Notes, contact.BeddedDown, contact.FollowUp);
    }

    /// <summary>The contact as a draft, to be checked again at intake.</summary>
    public StreetContactDraft ToDraft() => new(
        Id, ObservedAt, Zone, Location?.Lat, Location?.Lon, Location is not null, PersonId, Alias, Needs, ServicesOffered, Notes, BeddedDown, FollowUp);
}

/// <summary>A queued contact's rounded location.</summary>
public sealed record QueuedLocation(double? Lat, double? Lon);
