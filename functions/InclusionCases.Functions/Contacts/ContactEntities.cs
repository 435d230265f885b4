using System.Text.Json;
using Azure.Data.Tables;
using InclusionCases.Domain.Contacts;

namespace InclusionCases.Functions.Contacts;

/// <summary>Maps stored contacts to and from table rows (the same columns in <c>Contacts</c> and <c>Outreach</c>).</summary>
internal static class ContactEntities
{
    public static TableEntity ToEntity(StoredContact stored, string partitionKey, string rowKey)
    {
        var c = stored.Contact;
        return new TableEntity(partitionKey, rowKey)
        {
            ["ContactId"] = c.Id,
            ["OrganisationId"] = stored.OrganisationId,
            ["MediatorId"] = stored.MediatorId,
            ["ObservedAt"] = c.ObservedAt,
            ["Zone"] = c.Zone,
            ["Lat"] = c.Location?.Lat,
            ["Lon"] = c.Location?.Lon,
            ["PersonId"] = c.PersonId,
            ["Alias"] = c.Alias,
            ["Needs"] = JsonSerializer.Serialize(c.Needs.Select(n => n.ToString())),
            ["ServicesOffered"] = JsonSerializer.Serialize(c.ServicesOffered.Select(n => n.ToString())),
            ["Notes"] = c.Notes,
            ["BeddedDown"] = c.BeddedDown,
            ["FollowUp"] = c.FollowUp,
            ["Fingerprint"] = stored.Fingerprint,
        };
    }

    public static StoredContact ToStored(TableEntity e)
    {
        var lat = e.GetDouble("Lat");
        var lon = e.GetDouble("Lon");
        var contact = new StreetContact(
            e.GetString("ContactId"),
            e.GetDateTimeOffset("ObservedAt")!.Value,
            e.GetString("Zone"),
            lat is null || lon is null ? null : new GeoPoint(lat.Value, lon.Value),
            e.GetString("PersonId"),
            e.GetString("Alias"),
            Needs(e.GetString("Needs")),
            Needs(e.GetString("ServicesOffered")),
            e.GetString("Notes"),
            e.GetBoolean("BeddedDown") ?? false,
            e.GetBoolean("FollowUp") ?? false);
        return new StoredContact(contact, e.GetString("OrganisationId"), e.GetString("MediatorId"), e.GetString("Fingerprint"));
    }

    private static Need[] Needs(string? json) => [.. (JsonSerializer.Deserialize<string[]>(json ?? "[]") ?? []).Select(Enum.Parse<Need>)];
}
