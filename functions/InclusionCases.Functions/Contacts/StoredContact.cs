using InclusionCases.Domain.Contacts;

namespace InclusionCases.Functions.Contacts;

/// <summary>A contact with who logged it and the fingerprint of its content (to tell a re-send from a conflicting one).</summary>
public sealed record StoredContact(StreetContact Contact, string OrganisationId, string MediatorId, string Fingerprint);
