using System.ComponentModel.DataAnnotations;
using InclusionCases.Functions.Http;

namespace InclusionCases.Functions.Organisations.Contracts;

/// <summary>
/// Body of <c>PUT /api/organisations/{id}/members/{oid}</c>, both optional: an absent <c>name</c> keeps the
/// member's current one; an absent <c>validUntil</c> means the membership lasts until it is ended.
/// </summary>
public sealed record MemberRequest([property: MaxLength(FieldErrors.MaxNameLength)] string? Name, DateTimeOffset? ValidUntil);
