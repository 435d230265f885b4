using System.Text.Json;

namespace InclusionCases.Functions.Contacts.Contracts;

/// <summary>
/// How <c>POST /api/contacts/batch</c> is read: the envelope strictly, the contacts as raw JSON, each
/// read on its own so a fault in one rejects that index only. (<see cref="ContactBatchRequest"/> is the
/// documented shape.)
/// </summary>
public sealed record ContactBatchBody(JsonElement[]? Contacts);
