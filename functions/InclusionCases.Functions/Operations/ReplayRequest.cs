using System.ComponentModel;
using System.Text.Json;

namespace InclusionCases.Functions.Operations;

/// <summary>
/// Body of <c>POST /api/admin/poison/{queue}/replay</c>. Without a body every poison message of the
/// queue goes back; with <c>messageId</c> that one only, and with <c>replacement</c> too, the repaired
/// message is queued in its place.
/// </summary>
public sealed record ReplayRequest(
    [property: Description("The id of the one poison message to put back (from GET /api/admin/poison); left out, every poison message of the queue goes back.")] string? MessageId,
    [property: Description("The repaired message to queue in place of messageId's: a JSON value in the queue's own message shape (a contact-intake chunk, a case event); it is checked when handled, as any message.")] JsonElement? Replacement);
