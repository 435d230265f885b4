namespace InclusionCases.Functions.Operations;

/// <summary>
/// A message that failed every attempt and was moved to <c>&lt;queue&gt;-poison</c>. The preview shows
/// the message's shape (field names, list lengths, size), never its values: they may be personal data.
/// </summary>
public sealed record PoisonMessage(string Queue, string MessageId, DateTimeOffset? InsertedOn, long DequeueCount, string Preview);
