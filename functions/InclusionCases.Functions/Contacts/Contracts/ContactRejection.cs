namespace InclusionCases.Functions.Contacts.Contracts;

/// <summary>A contact of a batch that was not accepted: its index in the batch and what is wrong, field by field.</summary>
public sealed record ContactRejection(int Index, IReadOnlyDictionary<string, string[]> Errors);
