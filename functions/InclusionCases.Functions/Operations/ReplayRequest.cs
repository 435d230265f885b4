using System.Text.Json;

namespace InclusionCases.Functions.Operations;

/// <summary>
/// Body of <c>POST /api/admin/poison/{queue}/replay</c>. Without a body every poison message of the
/// queue goes back; with <c>messageId</c> that one only, and with <c>replacement</c> too, the repaired
/// message is queued in its place.
/// </summary>
public sealed record ReplayRequest(string? MessageId, JsonElement? Replacement);
