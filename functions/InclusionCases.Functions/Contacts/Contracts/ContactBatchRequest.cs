using System.ComponentModel.DataAnnotations;

namespace InclusionCases.Functions.Contacts.Contracts;

/// <summary>Body of <c>POST /api/contacts/batch</c>: up to 500 contacts, typically a night's work uploaded at once.</summary>
public sealed record ContactBatchRequest([property: Required, MinLength(1), MaxLength(ContactService.MaxBatchSize)] ContactRequest?[]? Contacts);
