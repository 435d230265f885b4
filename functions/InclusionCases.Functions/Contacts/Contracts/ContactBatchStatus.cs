namespace InclusionCases.Functions.Contacts.Contracts;

/// <summary>Progress of a batch: <c>pending</c> until every accepted contact is stored, then <c>completed</c>.</summary>
public sealed record ContactBatchStatus(string Status, int Stored, int Accepted);
