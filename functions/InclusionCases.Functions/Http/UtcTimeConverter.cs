using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace InclusionCases.Functions.Http;

/// <summary>Writes times as the contract shows them, ISO 8601 in UTC with a "Z" (<c>2026-11-25T21:04:00Z</c>); reads any ISO 8601 offset.</summary>
public sealed class UtcTimeConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
    }
}
