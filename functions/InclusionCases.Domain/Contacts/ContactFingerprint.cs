using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace InclusionCases.Domain.Contacts;

/// <summary>
/// The fingerprint of a checked street contact: what tells a re-send (same fingerprint) from a
/// different contact under the same id (conflict). It is versioned and covers a fixed list of fields,
/// so a field added to contacts later does not change the fingerprint of contacts sent before it:
/// a stored <c>v1:</c> fingerprint is always compared with the <c>v1</c> form of the new contact.
/// </summary>
/// <remarks>
/// <para><b>v1</b> = <c>"v1:"</c> + lowercase hex SHA-256 of the UTF-8 bytes of the canonical text:
/// the line <c>contact-fingerprint-v1</c>, then one line per field, in this order, each
/// <c>name=value</c>: <c>id</c>, <c>observedAt</c>, <c>zone</c>, <c>lat</c>, <c>lon</c>,
/// <c>personId</c>, <c>alias</c>, <c>needs</c>, <c>servicesOffered</c>, <c>notes</c>,
/// <c>beddedDown</c>, <c>followUp</c>.</para>
/// <para>Values are those of the checked contact (id normalised, text trimmed, location rounded). A
/// text is its UTF-8 byte count, <c>:</c>, then the text (so no separator inside a value is
/// ambiguous); an absent value is <c>~</c>; <c>observedAt</c> is UTC
/// <c>yyyy-MM-ddTHH:mm:ss.fffffffZ</c>; <c>lat</c>/<c>lon</c> are round-trip invariant numbers;
/// a list of needs is its distinct wire names (<c>food</c>, <c>water</c>, …) sorted ordinally, each as
/// a text, after its count and <c>;</c>; booleans are <c>true</c>/<c>false</c>.</para>
/// <para>The organisation and mediator are not part of it: who logged a contact is kept beside it and
/// compared separately.</para>
/// </remarks>
public static class ContactFingerprint
{
    /// <summary>The version new fingerprints are computed with.</summary>
    public const string CurrentVersion = "v1";

    /// <summary>The fingerprint of <paramref name="contact"/> at the current version.</summary>
    public static string Compute(StreetContact contact) => Compute(contact, CurrentVersion);

    /// <summary>The fingerprint of <paramref name="contact"/> at <paramref name="version"/>.</summary>
    /// <exception cref="ArgumentException">The version is unknown.</exception>
    public static string Compute(StreetContact contact, string version)
    {
        ArgumentNullException.ThrowIfNull(contact);
        if (version != "v1")
        {
            throw new ArgumentException($"Unknown fingerprint version '{version}'.", nameof(version));
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalV1(contact)));
        return version + ":" + Convert.ToHexStringLower(hash);
    }

    /// <summary>
    /// Whether <paramref name="fingerprint"/> (as stored or queued) is that of <paramref name="contact"/>,
    /// computed at the fingerprint's own version. An unknown version never matches.
    /// </summary>
    public static bool Matches(string? fingerprint, StreetContact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var colon = fingerprint?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (colon <= 0)
        {
            return false;
        }

        var version = fingerprint![..colon];
        return version == "v1" && string.Equals(fingerprint, Compute(contact, version), StringComparison.Ordinal);
    }

    /// <summary>The canonical text of v1 (see the remarks of <see cref="ContactFingerprint"/>).</summary>
    internal static string CanonicalV1(StreetContact c)
    {
        var text = new StringBuilder("contact-fingerprint-v1\n");
        void Field(string name, string value) => text.Append(name).Append('=').Append(value).Append('\n');
        Field("id", Text(c.Id));
        Field("observedAt", c.ObservedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
        Field("zone", Text(c.Zone));
        Field("lat", c.Location is null ? "~" : c.Location.Lat.ToString("R", CultureInfo.InvariantCulture));
        Field("lon", c.Location is null ? "~" : c.Location.Lon.ToString("R", CultureInfo.InvariantCulture));
        Field("personId", Text(c.PersonId));
        Field("alias", Text(c.Alias));
        Field("needs", Needs(c.Needs));
        Field("servicesOffered", Needs(c.ServicesOffered));
        Field("notes", Text(c.Notes));
        Field("beddedDown", c.BeddedDown ? "true" : "false");
        Field("followUp", c.FollowUp ? "true" : "false");
        return text.ToString();
    }

    private static string Text(string? value) =>
        value is null ? "~" : Encoding.UTF8.GetByteCount(value).ToString(CultureInfo.InvariantCulture) + ":" + value;

    private static string Needs(IReadOnlyList<Need> needs)
    {
        var names = needs.Select(WireName).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return names.Count.ToString(CultureInfo.InvariantCulture) + ";" + string.Concat(names.Select(Text));
    }

    // Spelled out rather than derived from the enum, so renaming a member cannot change fingerprints.
    private static string WireName(Need need) => need switch
    {
        Need.Food => "food",
        Need.Water => "water",
        Need.Shelter => "shelter",
        Need.Hygiene => "hygiene",
        Need.Care => "care",
        Need.Administrative => "administrative",
        Need.Clothing => "clothing",
        Need.Orientation => "orientation",
        _ => throw new ArgumentOutOfRangeException(nameof(need), need, "A need without a wire name."),
    };
}
