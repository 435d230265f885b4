namespace InclusionCases.Functions.Contacts.Contracts;

/// <summary>
/// Progress of a batch: <c>pending</c> until every chunk of accepted contacts is handled, then
/// <c>completed</c>; how many are stored (new, or already stored by an earlier send), and the accepted
/// contacts refused at intake (id conflict, person erased, aged past the limit …), by their index in
/// the batch as sent. Contacts refused at acceptance are in the answer to the batch itself.
/// </summary>
public sealed record ContactBatchStatus(string Status, int Stored, int Accepted, IReadOnlyList<ContactRejection> Rejected);
