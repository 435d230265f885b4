using Azure;

namespace InclusionCases.Functions.PersonFile;

/// <summary>A record as read from storage, with the ETag a conditional write must match.</summary>
public sealed record Stored<T>(T Value, ETag ETag);
