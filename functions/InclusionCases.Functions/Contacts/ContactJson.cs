using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using InclusionCases.Domain.Text;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Localization;

namespace InclusionCases.Functions.Contacts;

/// <summary>
/// Reads one contact of a batch (or of a queued chunk) on its own, so a fault in one item rejects that
/// item, field by field, and never the whole batch. Stricter than the API's shared settings: names are
/// case-sensitive, numbers are never strings, a key may not repeat, times carry an offset.
/// </summary>
internal static partial class ContactJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>The item as <typeparamref name="T"/>, or the field errors that keep it from being one.</summary>
    public static (T? Value, IReadOnlyDictionary<string, Message[]> Errors) ReadItem<T>(JsonElement item)
        where T : class
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return (null, Error("$", ApiText.ContactObjectRequired));
        }

        try
        {
            return item.Deserialize<T>(Options) is { } value ? (value, new Dictionary<string, Message[]>()) : (null, Error("$", ApiText.ContactObjectRequired));
        }
        catch (JsonException ex)
        {
            return (null, Error(FieldOf(ex), MessageOf(ex)));
        }
    }

    public static Dictionary<string, Message[]> Error(string field, Message message) => new() { [field] = [message] };

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(ApiJson.Options)
        {
            PropertyNameCaseInsensitive = false,
            NumberHandling = JsonNumberHandling.Strict,
            AllowDuplicateProperties = false,
        };
        options.Converters.Insert(0, new OffsetTimeConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    // "$.needs[0]" -> "needs", "$.location.lat" -> "location.lat"; an unknown member names itself.
    private static string FieldOf(JsonException ex)
    {
        var path = Index().Replace(ex.Path ?? string.Empty, string.Empty).TrimStart('$').TrimStart('.');
        if (UnmappedProperty().Match(ex.Message) is { Success: true } match)
        {
            var name = match.Groups["name"].Value;
            return path.Length == 0 || path.EndsWith(name, StringComparison.Ordinal) ? (path.Length == 0 ? name : path) : path + "." + name;
        }

        if (DuplicateProperty().Match(ex.Message) is { Success: true } duplicate)
        {
            return path.Length == 0 ? duplicate.Groups["name"].Value : path;
        }

        return path.Length == 0 ? "$" : path;
    }

    private static Message MessageOf(JsonException ex) =>
        UnmappedProperty().IsMatch(ex.Message) ? ApiText.UnknownField
        : DuplicateProperty().IsMatch(ex.Message) || ex.Message.Contains("duplicate", StringComparison.OrdinalIgnoreCase) ? ApiText.FieldAppearsMoreThanOnce
        : ApiText.WrongType;

    [GeneratedRegex("The JSON property '(?<name>[^']+)' could not be mapped")]
    private static partial Regex UnmappedProperty();

    [GeneratedRegex("[Dd]uplicate.*'(?<name>[^']+)'")]
    private static partial Regex DuplicateProperty();

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex Index();

    /// <summary>ISO 8601 with a date, a time and an offset (<c>Z</c> or <c>±hh:mm</c>); a time without one would be read as the server's local time.</summary>
    private sealed partial class OffsetTimeConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String || reader.GetString() is not { } text || !Shape().IsMatch(text)
                || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var value))
            {
                throw new JsonException("Not an ISO 8601 time with an offset.");
            }

            return value;
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => new UtcTimeConverter().Write(writer, value, options);

        [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})\z")]
        private static partial Regex Shape();
    }
}
