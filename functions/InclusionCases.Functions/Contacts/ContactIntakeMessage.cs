namespace InclusionCases.Functions.Contacts;

/// <summary>
/// A <c>contact-intake</c> message: one chunk of an accepted batch, already checked and with locations
/// rounded (exact coordinates are never queued). Chunks are sized to stay well under the 64 KiB
/// message limit after base64.
/// </summary>
public sealed record ContactIntakeMessage(string BatchId, string OrganisationId, string MediatorId, int Chunk, IReadOnlyList<Contracts.ContactRequest> Contacts);
