namespace InclusionCases.Domain.Contacts;

/// <summary>
/// One encounter of a street mediator: when, which zone, roughly where, the person if known (or an
/// alias), the needs seen and services offered, whether the person was bedded down (seen sleeping
/// rough), whether follow-up is needed. <see cref="Id"/> is the client's UUID, the idempotency key.
/// </summary>
public sealed record StreetContact(
    string Id,
    DateTimeOffset ObservedAt,
    string Zone,
    GeoPoint? Location,
    string? PersonId,
    string? Alias,
    IReadOnlyList<Need> Needs,
    IReadOnlyList<Need> ServicesOffered,
    string? Notes,
    bool BeddedDown,
    bool FollowUp);
