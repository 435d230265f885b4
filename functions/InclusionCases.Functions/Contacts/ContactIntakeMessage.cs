using System.Text.Json;
using System.Text.Json.Nodes;
using InclusionCases.Domain.Persons;
using InclusionCases.Domain.Text;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Localization;
using InclusionCases.Functions.Storage;

namespace InclusionCases.Functions.Contacts;

/// <summary>
/// A <c>contact-intake</c> message: one chunk of an accepted batch, its contacts already checked, with
/// locations rounded (exact coordinates are never queued) and fingerprints computed. Chunks are sized
/// to stay well under the 64 KiB message limit after base64. The organisation, mediator, batch and
/// chunk are the envelope: they come from the caller at acceptance and an operator's replay may not
/// change them (<see cref="CheckReplacement"/>).
/// </summary>
public sealed record ContactIntakeMessage(string BatchId, string OrganisationId, string MediatorId, int Chunk, IReadOnlyList<CheckedContact> Contacts)
{
    /// <summary>How the envelope is read: the contacts stay raw, to be read one by one.</summary>
    private sealed record Envelope(string? BatchId, string? OrganisationId, string? MediatorId, int? Chunk, JsonElement[]? Contacts);

    /// <summary>
    /// Reads a message: the envelope strictly (a message without its batch, organisation, mediator,
    /// chunk or contact list throws <see cref="FormatException"/>: it is not a chunk this app wrote),
    /// each contact on its own (a bad one gives its errors; it throws only when its index is unreadable).
    /// </summary>
    public static (ContactIntakeMessage Message, IReadOnlyList<(int Index, IReadOnlyDictionary<string, Message[]> Errors)> Unreadable) Read(string text)
    {
        Envelope envelope;
        try
        {
            envelope = QueueMessages.Parse<Envelope>(text);
        }
        catch (JsonException)
        {
            // Names no value: the message may hold personal data and this ends up in logs.
            throw new FormatException("The contact-intake message is not a chunk: wrong JSON shape.");
        }

        if (!TableKeys.IsValid(envelope.OrganisationId) || !TableKeys.IsValid(envelope.BatchId) || !TableKeys.IsValid(envelope.MediatorId)
            || envelope.Chunk is not (>= 0) || envelope.Contacts is null)
        {
            throw new FormatException("The contact-intake message lacks its batch, organisation, mediator, chunk or contacts.");
        }

        var contacts = new List<CheckedContact>();
        var unreadable = new List<(int, IReadOnlyDictionary<string, Message[]>)>();
        foreach (var item in envelope.Contacts)
        {
            var index = IndexOf(item) ?? throw new FormatException("A queued contact lacks its index in the batch.");
            var (contact, errors) = ContactJson.ReadItem<CheckedContact>(item);
            if (contact is null)
            {
                unreadable.Add((index, errors));
            }
            else
            {
                contacts.Add(contact with { Index = index });
            }
        }

        return (new ContactIntakeMessage(envelope.BatchId!, envelope.OrganisationId!, envelope.MediatorId!, envelope.Chunk.Value, contacts), unreadable);
    }

    /// <summary>
    /// The field errors of an operator's <paramref name="replacement"/> for <paramref name="original"/>, or
    /// null when it may be queued: it must be a chunk whose organisation, mediator, batch and chunk are
    /// the original's (so a replay cannot log contacts as anyone else, or into another batch), and whose
    /// contacts each carry a distinct index. The contacts themselves are checked at intake, by index.
    /// </summary>
    public static IReadOnlyDictionary<string, Message[]>? CheckReplacement(string original, JsonElement replacement)
    {
        JsonElement before;
        try
        {
            before = JsonDocument.Parse(original).RootElement;
        }
        catch (JsonException)
        {
            before = default;
        }

        string[] envelope = ["organisationId", "mediatorId", "batchId", "chunk"];
        if (before.ValueKind != JsonValueKind.Object || envelope.Any(name => !before.TryGetProperty(name, out var value) || !IsEnvelopeValue(name, value)))
        {
            return ContactJson.Error("replacement", ApiText.ReplacementUnnamed);
        }

        if (replacement.ValueKind != JsonValueKind.Object)
        {
            return ContactJson.Error("replacement", ApiText.ReplacementChunkRequired);
        }

        var errors = new Dictionary<string, Message[]>();
        foreach (var name in envelope)
        {
            if (!replacement.TryGetProperty(name, out var value) || !JsonElement.DeepEquals(value, before.GetProperty(name)))
            {
                errors["replacement." + name] = [ApiText.ReplacementSameField(name)];
            }
        }

        if (!replacement.TryGetProperty("contacts", out var contacts) || contacts.ValueKind != JsonValueKind.Array)
        {
            errors["replacement.contacts"] = [ApiText.ReplacementContactsRequired];
        }
        else
        {
            var indexes = contacts.EnumerateArray().Select(IndexOf).ToList();
            if (indexes.Any(i => i is null) || indexes.Distinct().Count() != indexes.Count)
            {
                errors["replacement.contacts"] = [ApiText.ReplacementContactIndex(ContactService.MaxBatchSize - 1)];
            }
        }

        return errors.Count == 0 ? null : errors;
    }

    /// <summary>
    /// <paramref name="text"/> with the free text (alias, notes) of the contacts naming
    /// <paramref name="personId"/> replaced by <see cref="Person.ErasedText"/>; null when it is not a
    /// chunk (left for the operator). Works on the JSON itself, so any chunk this app wrote is scrubbed.
    /// </summary>
    public static string? ScrubPerson(string text, string personId)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }

        if (root is not JsonObject message || message["contacts"] is not JsonArray contacts)
        {
            return null;
        }

        foreach (var contact in contacts.OfType<JsonObject>())
        {
            if (contact["personId"] is JsonValue id && id.TryGetValue<string>(out var named) && named == personId)
            {
                foreach (var field in new[] { "alias", "notes" })
                {
                    if (contact[field] is not null)
                    {
                        contact[field] = Person.ErasedText;
                    }
                }
            }
        }

        return message.ToJsonString(ApiJson.Options);
    }

    private static bool IsEnvelopeValue(string name, JsonElement value) =>
        name == "chunk" ? value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var chunk) && chunk >= 0 : value.ValueKind == JsonValueKind.String && TableKeys.IsValid(value.GetString());

    private static int? IndexOf(JsonElement item) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty("index", out var index) && index.ValueKind == JsonValueKind.Number
        && index.TryGetInt32(out var value) && value is >= 0 and < ContactService.MaxBatchSize ? value : null;
}
