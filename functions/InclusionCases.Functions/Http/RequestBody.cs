using System.Text.Json;
using System.Text.RegularExpressions;
using InclusionCases.Domain.Text;
using InclusionCases.Functions.Localization;
using Microsoft.AspNetCore.Http;

namespace InclusionCases.Functions.Http;

/// <summary>
/// Reads a JSON request body strictly: at most 1 MB (413), JSON only (415), well-formed (400), every
/// field known and of the right type (400 naming the field). Unknown and read-only fields are refused
/// rather than ignored, so no request can set what it may not (no mass assignment).
/// </summary>
public static partial class RequestBody
{
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The body as <typeparamref name="T"/>, and its parsed document (to tell absent fields from nulls).</summary>
    public static async Task<(T Value, JsonElement Json)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        var bytes = await ReadJsonBytesAsync(request, cancellationToken);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, ApiJson.DocumentOptions);
        }
        catch (JsonException ex)
        {
            if (DuplicatedField(bytes) is { } field)
            {
                throw ApiProblemException.Invalid(field, ApiText.FieldAppearsTwice);
            }

            throw ApiProblemException.Invalid("$", ApiText.BodyNotJson(ex.Message.Split(" Path:")[0]));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw ApiProblemException.Invalid("$", ApiText.BodyMustBeObject);
            }

            try
            {
                var value = document.RootElement.Deserialize<T>(ApiJson.Options) ?? throw ApiProblemException.Invalid("$", ApiText.BodyMustBeObject);
                return (value, document.RootElement.Clone());
            }
            catch (JsonException ex)
            {
                throw ApiProblemException.Invalid(FieldOf(ex), MessageOf(ex));
            }
        }
    }

    /// <summary>
    /// Reads the envelope of a body whose items the route reads one by one (a batch): the envelope as
    /// strictly as <see cref="ReadAsync{T}"/>, its <see cref="JsonElement"/> items as they were sent, so a
    /// fault inside one item (a repeated key included) is that item's, not the whole body's.
    /// </summary>
    public static async Task<T> ReadEnvelopeAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        var bytes = await ReadJsonBytesAsync(request, cancellationToken);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = ApiJson.DocumentOptions.MaxDepth });
        }
        catch (JsonException ex)
        {
            throw ApiProblemException.Invalid("$", ApiText.BodyNotJson(ex.Message.Split(" Path:")[0]));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw ApiProblemException.Invalid("$", ApiText.BodyMustBeObject);
            }

            var names = new HashSet<string>(StringComparer.Ordinal);
            if (document.RootElement.EnumerateObject().FirstOrDefault(p => !names.Add(p.Name)) is { Value.ValueKind: not JsonValueKind.Undefined } repeated)
            {
                throw ApiProblemException.Invalid(repeated.Name, ApiText.FieldAppearsTwice);
            }

            try
            {
                return document.RootElement.Deserialize<T>(EnvelopeOptions) ?? throw ApiProblemException.Invalid("$", ApiText.BodyMustBeObject);
            }
            catch (JsonException ex)
            {
                throw ApiProblemException.Invalid(FieldOf(ex), MessageOf(ex));
            }
        }
    }

    /// <summary>Like <see cref="ReadAsync{T}"/>, but an empty body is allowed and gives null.</summary>
    public static async Task<T?> ReadOptionalAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength == 0 || (request.ContentLength is null && request.ContentType is null))
        {
            return null;
        }

        return (await ReadAsync<T>(request, cancellationToken)).Value;
    }

    /// <summary>
    /// Reads the raw body (at most 1 MB, else 413) and puts it back as a seekable stream, so the pipeline
    /// can fingerprint exactly the bytes the route then reads.
    /// </summary>
    public static async Task<byte[]> BufferAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaxBytes)
        {
            throw TooLarge();
        }

        var bytes = await ReadBoundedAsync(request.Body, cancellationToken);
        request.Body = new MemoryStream(bytes, writable: false);
        return bytes;
    }

    // The envelope's own fields are checked for repeats above; its raw items keep theirs for their reader.
    private static readonly JsonSerializerOptions EnvelopeOptions = new(ApiJson.Options) { AllowDuplicateProperties = true };

    private static async Task<byte[]> ReadJsonBytesAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaxBytes)
        {
            throw TooLarge();
        }

        if (request.ContentType is { Length: > 0 } contentType && !IsJson(contentType))
        {
            throw new ApiProblemException(ProblemTypes.UnsupportedMediaType, ApiText.SendJson);
        }

        return await ReadBoundedAsync(request.Body, cancellationToken);
    }

    private static bool IsJson(string contentType)
    {
        var mediaType = contentType.Split(';')[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (mediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<byte[]> ReadBoundedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw TooLarge();
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    // Parsing again, duplicates allowed, finds where the first repeated key is: the 400 can name it.
    private static string? DuplicatedField(byte[] bytes)
    {
        try
        {
            using var lenient = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = ApiJson.DocumentOptions.MaxDepth });
            return DuplicatedField(lenient.RootElement, string.Empty);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? DuplicatedField(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    var at = path.Length == 0 ? property.Name : path + "." + property.Name;
                    if (!names.Add(property.Name))
                    {
                        return at;
                    }

                    if (DuplicatedField(property.Value, at) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (DuplicatedField(item, $"{path}[{index++}]") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static ApiProblemException TooLarge() =>
        new(ProblemTypes.PayloadTooLarge, ApiText.BodyTooLarge(MaxBytes));

    // "$.person.birthYear" -> "person.birthYear"; unmapped members name themselves in the message.
    private static string FieldOf(JsonException ex)
    {
        var path = ex.Path is { Length: > 1 } p ? p.TrimStart('$').TrimStart('.') : string.Empty;
        if (UnmappedProperty().Match(ex.Message) is { Success: true } match)
        {
            var name = match.Groups["name"].Value;
            return path.Length == 0 || path.EndsWith(name, StringComparison.Ordinal) ? (path.Length == 0 ? name : path) : path + "." + name;
        }

        return path.Length == 0 ? "$" : path;
    }

    private static Message MessageOf(JsonException ex) => UnmappedProperty().IsMatch(ex.Message)
        ? ApiText.UnknownOrReadOnlyField
        : ApiText.WrongType;

    [GeneratedRegex("The JSON property '(?<name>[^']+)' could not be mapped")]
    private static partial Regex UnmappedProperty();
}
