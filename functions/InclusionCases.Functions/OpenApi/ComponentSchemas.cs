using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
using InclusionCases.Functions.Http;

namespace InclusionCases.Functions.OpenApi;

/// <summary>
/// The document's named schemas: every contract type (a record, class or enum of the app) becomes one
/// entry of <c>components/schemas</c> under a stable name, and every use of it a <c>$ref</c>, so client
/// generators make one class per type instead of one per path. Schemas come from the API's own JSON
/// settings (<see cref="ApiJson.Options"/>); limits come from the validation attributes on the contract
/// properties (<see cref="MaxLengthAttribute"/>, <see cref="RangeAttribute"/>).
/// </summary>
internal sealed class ComponentSchemas
{
    private const string Prefix = "#/components/schemas/";

    private readonly Dictionary<Type, string> _names = [];
    private readonly Dictionary<string, Type> _types = new(StringComparer.Ordinal);
    private readonly Queue<Type> _pending = new();
    private readonly SortedDictionary<string, JsonNode> _handWritten = new(StringComparer.Ordinal);

    /// <summary>A <c>$ref</c> to the named schema of <paramref name="type"/>, which is added to the components.</summary>
    public JsonObject Reference(Type type) => new() { ["$ref"] = Prefix + Register(type) };

    /// <summary>A reference to a schema written by hand (<see cref="Add"/>).</summary>
    public static JsonObject Reference(string name) => new() { ["$ref"] = Prefix + name };

    /// <summary>Adds a schema written by hand (the problem documents), under a name no contract type has.</summary>
    public void Add(string name, JsonObject schema)
    {
        if (!_types.TryAdd(name, typeof(void)))
        {
            throw new InvalidOperationException($"Two schemas are named '{name}'.");
        }

        _handWritten[name] = schema;
    }

    /// <summary>Every named schema, by name: the types referenced so far and those they reference in turn.</summary>
    public JsonObject Build()
    {
        var schemas = new SortedDictionary<string, JsonNode>(_handWritten, StringComparer.Ordinal);
        while (_pending.TryDequeue(out var type))
        {
            schemas[_names[type]] = Generate(type);
        }

        return new JsonObject([.. schemas.Select(s => KeyValuePair.Create(s.Key, (JsonNode?)s.Value.DeepClone()))]);
    }

    /// <summary>Whether a type gets a schema of its own: the app's records, classes and enums, not collections.</summary>
    public static bool IsNamed(Type type) =>
        type.Assembly.GetName().Name?.StartsWith("InclusionCases.", StringComparison.Ordinal) == true
        && !type.IsArray && (type.IsEnum || (type.IsClass && !type.IsAbstract) || (type.IsValueType && !type.IsPrimitive && Nullable.GetUnderlyingType(type) is null));

    private string Register(Type type)
    {
        if (_names.TryGetValue(type, out var known))
        {
            return known;
        }

        if (!IsNamed(type))
        {
            throw new InvalidOperationException($"{type} is not a contract type of the app.");
        }

        var name = NameOf(type);
        if (!_types.TryAdd(name, type))
        {
            throw new InvalidOperationException($"Two contract types are named '{name}': {_types[name]} and {type}. Rename one; schema names are part of the contract.");
        }

        _names[type] = name;
        _pending.Enqueue(type);
        return name;
    }

    // PageResponse<CaseSummary> -> "CaseSummaryPage"; other generic contract types are not expected.
    private static string NameOf(Type type) => type switch
    {
        { IsGenericType: true } when type.GetGenericTypeDefinition() == typeof(PageResponse<>) => NameOf(type.GetGenericArguments()[0]) + "Page",
        { IsGenericType: true } => throw new InvalidOperationException($"No schema name rule for the generic type {type}."),
        _ => type.Name,
    };

    private JsonNode Generate(Type type)
    {
        if (type.IsEnum)
        {
            return new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. ExactEnumConverter.NamesOf(type).Select(n => (JsonNode?)n)]) };
        }

        var options = new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = (context, node) => context.Path.IsEmpty ? WithLimits(context, node) : Transform(context, node),
        };
        var schema = ApiJson.Options.GetJsonSchemaAsNode(type, options);
        schema = ResolveLocalReferences(schema, schema, depth: 0);
        if (schema is JsonObject objectSchema)
        {
            Required(type, objectSchema);

            // The API refuses fields it does not know in what it reads; what it answers may gain fields.
            if (!IsRequest(type))
            {
                objectSchema.Remove("additionalProperties");
            }
        }

        return schema;
    }

    // The exporter lists every constructor parameter as required. A field the API may answer as null
    // is not; a field a request may leave out is not, unless the contract marks it [Required].
    private static void Required(Type type, JsonObject schema)
    {
        if (schema["properties"] is not JsonObject properties)
        {
            return;
        }

        var contract = ApiJson.Options.GetTypeInfo(type).Properties;
        var marked = Marked<RequiredAttribute>(contract);
        var required = properties.Where(p => marked.Contains(p.Key) || (p.Value is { } s && !AllowsNull(s))).Select(p => (JsonNode?)p.Key).ToArray();

        // Read as nullable to tell "left out" from a value; null itself is refused for a required field
        // and for one marked [NotNullWhenSent] (in a PATCH: leave it out to keep it).
        foreach (var name in marked.Union(Marked<NotNullWhenSentAttribute>(contract)))
        {
            properties[name] = WithoutNull(properties[name]!);
        }

        schema.Remove("required");
        if (required.Length > 0)
        {
            schema["required"] = new JsonArray(required);
        }
    }

    private static HashSet<string> Marked<TAttribute>(IEnumerable<JsonPropertyInfo> properties)
        where TAttribute : Attribute =>
        properties
            .Where(p => Attributes(p.AttributeProvider).Concat(Attributes(p.AssociatedParameter?.AttributeProvider)).OfType<TAttribute>().Any())
            .Select(p => p.Name)
            .ToHashSet(StringComparer.Ordinal);

    private static JsonNode WithoutNull(JsonNode schema)
    {
        if (schema is JsonObject { } o && o["oneOf"] is JsonArray choices && choices.Count == 2 && choices.SingleOrDefault(c => c?["type"]?.GetValue<string>() != "null") is { } only)
        {
            return only.DeepClone();
        }

        if (schema is JsonObject { } typed && typed["type"] is JsonArray types && types.Count == 2)
        {
            typed["type"] = types.Select(t => t!.GetValue<string>()).Single(t => t != "null");
        }

        return schema;
    }

    /// <summary>The API's naming of what it reads: request bodies and their parts.</summary>
    private static bool IsRequest(Type type) => type.Name.EndsWith("Request", StringComparison.Ordinal) || type.Name.EndsWith("Input", StringComparison.Ordinal);

    private JsonNode Transform(JsonSchemaExporterContext context, JsonNode node)
    {
        var type = context.TypeInfo.Type;
        var nullable = AllowsNull(node);
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            (type, nullable) = (underlying, true);
        }
        if (IsNamed(type))
        {
            var reference = Reference(type);
            return nullable ? new JsonObject { ["oneOf"] = new JsonArray(reference, new JsonObject { ["type"] = "null" }) } : reference;
        }

        if (type == typeof(DateTimeOffset))
        {
            // Written by UtcTimeConverter, which the exporter cannot look into.
            return new JsonObject { ["type"] = nullable ? new JsonArray("string", "null") : "string", ["format"] = "date-time" };
        }

        if (type == typeof(System.Text.Json.JsonElement))
        {
            return new JsonObject { ["description"] = "Any JSON value." };
        }

        // A list of enums: the exporter leaves out "items" because of the enum converter.
        if (node is JsonObject list && ElementType(type) is { } element && IsNamed(element) && list["items"] is null)
        {
            list["items"] = Reference(element);
        }

        return WithLimits(context, node);
    }

    // Limits from the same attributes the contract declares; the contract tests check the API keeps them.
    private static JsonNode WithLimits(JsonSchemaExporterContext context, JsonNode node)
    {
        if (node is not JsonObject schema || context.PropertyInfo is not { } property)
        {
            return node;
        }

        var attributes = Attributes(property.AttributeProvider).Concat(Attributes(property.AssociatedParameter?.AttributeProvider)).ToList();
        var isList = ElementType(context.TypeInfo.Type) is not null;
        foreach (var attribute in attributes)
        {
            switch (attribute)
            {
                case MaxLengthAttribute max:
                    schema[isList ? "maxItems" : "maxLength"] = max.Length;
                    break;
                case MinLengthAttribute min:
                    schema[isList ? "minItems" : "minLength"] = min.Length;
                    break;
                case RangeAttribute range:
                    // As declared: [Range(-90, 90)] holds ints, [Range(0.5, 1.5)] doubles.
                    schema["minimum"] = System.Text.Json.JsonSerializer.SerializeToNode(range.Minimum);
                    schema["maximum"] = System.Text.Json.JsonSerializer.SerializeToNode(range.Maximum);
                    break;
                case System.ComponentModel.DescriptionAttribute description:
                    schema["description"] = description.Description;
                    break;
            }
        }

        return schema;
    }

    private static IEnumerable<Attribute> Attributes(ICustomAttributeProvider? provider) =>
        provider?.GetCustomAttributes(inherit: true).OfType<Attribute>() ?? [];

    private static bool AllowsNull(JsonNode node) => node is JsonObject o
        && (!o.Any(p => p.Key is "type" or "$ref" or "oneOf" or "allOf" or "anyOf" or "enum" or "const")
            || (o["type"] is JsonArray types && types.Any(t => t?.GetValue<string>() == "null"))
            || (o["oneOf"] is JsonArray choices && choices.Any(c => c?["type"]?.GetValue<string>() == "null")));

    private static Type? ElementType(Type type) =>
        type == typeof(string) ? null
        : type.IsArray ? type.GetElementType()
        : type.IsGenericType && type.GetGenericArguments() is [var element] && typeof(IEnumerable<>).MakeGenericType(element).IsAssignableFrom(type) ? element
        : null;

    // The exporter writes a type repeated within one schema once and points at it with "#/…" relative
    // to that schema's root, which means nothing inside the document: such pointers are resolved.
    private static JsonNode ResolveLocalReferences(JsonNode node, JsonNode root, int depth)
    {
        if (depth > 32)
        {
            throw new InvalidOperationException("A schema is too deep (a recursive type?).");
        }

        switch (node)
        {
            case JsonObject o when o["$ref"] is JsonValue reference && reference.GetValue<string>() is ['#', ..] pointer && !pointer.StartsWith(Prefix, StringComparison.Ordinal):
                var target = pointer.TrimStart('#', '/').Split('/', StringSplitOptions.RemoveEmptyEntries)
                    .Aggregate((JsonNode?)root, (current, segment) => current is JsonArray array ? array[int.Parse(segment, System.Globalization.CultureInfo.InvariantCulture)] : current?[segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)])
                    ?? throw new InvalidOperationException($"The schema reference {pointer} points nowhere.");
                return ResolveLocalReferences(target.DeepClone(), root, depth + 1);
            case JsonObject o:
                foreach (var key in o.Select(p => p.Key).ToList())
                {
                    if (o[key] is { } child && ResolveLocalReferences(child, root, depth + 1) is var resolved && !ReferenceEquals(resolved, child))
                    {
                        o[key] = resolved;
                    }
                }

                return o;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (a[i] is { } child && ResolveLocalReferences(child, root, depth + 1) is var resolved && !ReferenceEquals(resolved, child))
                    {
                        a[i] = resolved;
                    }
                }

                return a;
            default:
                return node;
        }
    }
}
