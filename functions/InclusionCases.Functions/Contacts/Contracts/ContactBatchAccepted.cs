namespace InclusionCases.Functions.Contacts.Contracts;

/// <summary>The answer to a batch: its id (for <c>GET /api/contacts/batch/{batchId}</c>), how many contacts were accepted, and why the others were not.</summary>
public sealed record ContactBatchAccepted(string BatchId, int Accepted, IReadOnlyList<ContactRejection> Rejected);
