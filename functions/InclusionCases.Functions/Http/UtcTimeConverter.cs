using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace InclusionCases.Functions.Http;

/// <summary>
/// Writes times as the contract shows them, ISO 8601 in UTC with a "Z" (<c>2026-11-25T21:04:00Z</c>);
/// reads only full ISO 8601 times with seconds and an offset (<c>Z</c> or <c>+01:00</c>): a time
/// without an offset would be read in the server's zone.
/// </summary>
public sealed partial class UtcTimeConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("A time is an ISO 8601 string.");
        }

        if (TryParse(reader.GetString(), out var value))
        {
            return value;
        }

        throw new JsonException("A time is a full ISO 8601 string with an offset, e.g. 2026-11-25T21:04:00Z.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
    }

    /// <summary>Reads <c>yyyy-MM-ddTHH:mm:ss[.f…]</c> followed by <c>Z</c> or <c>±hh:mm</c>, within the range of <see cref="DateTimeOffset"/>.</summary>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        return text is not null
            && FullTime().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out value);
    }

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,7})?(Z|[+-][0-9]{2}:[0-9]{2})\z", RegexOptions.CultureInvariant)]
    private static partial Regex FullTime();
}
