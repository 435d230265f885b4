namespace InclusionCases.Functions.Contacts.Contracts;

/// <summary>Body of <c>POST /api/contacts/batch</c>: up to 500 contacts, typically a night's work uploaded at once.</summary>
public sealed record ContactBatchRequest(ContactRequest?[]? Contacts);
