using System.Text.Json.Serialization;

namespace InclusionCases.Functions.Cases.Contracts;

/// <summary>A timeline entry: a note (with its text and visibility) or an event (with its details).</summary>
public sealed record TimelineItem(
    string Id,
    string Kind,
    DateTimeOffset At,
    string ActorId,
    string OrganisationId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Text,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] NoteVisibility? Visibility,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Detail);
