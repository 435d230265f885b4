using System.Text.Json;
using System.Text.Json.Serialization;

namespace InclusionCases.Functions.Http;

/// <summary>
/// Enum values as the contract spells them (camelCase), matched exactly. The framework's string enum
/// converter reads "HousingFirst", "ACTIVE" or "Sensitive" too, and numbers unless told not to: a
/// value in another case is no value, as a field name in another case is no field.
/// </summary>
public sealed class ExactEnumConverter : JsonConverterFactory
{
    /// <summary>The contract's names of an enum's values, e.g. <c>housingFirst</c>.</summary>
    public static IReadOnlyList<string> NamesOf(Type enumType)
    {
        ArgumentNullException.ThrowIfNull(enumType);
        return [.. Enum.GetNames(enumType).Select(JsonNamingPolicy.CamelCase.ConvertName)];
    }

    public override bool CanConvert(Type typeToConvert)
    {
        ArgumentNullException.ThrowIfNull(typeToConvert);
        return typeToConvert.IsEnum;
    }

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    private sealed class Converter<T> : JsonConverter<T>
        where T : struct, Enum
    {
        private static readonly Dictionary<string, T> ByName = Enum.GetValues<T>().ToDictionary(v => Name(v), StringComparer.Ordinal);

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && reader.GetString() is { } text && ByName.TryGetValue(text, out var value)
                ? value
                : throw new JsonException($"Not one of: {string.Join(", ", ByName.Keys)}.");

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.WriteStringValue(Name(value));
        }

        private static string Name(T value) => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
    }
}
