namespace InclusionCases.Domain.Consents;

/// <summary>
/// The person's agreement that named organisations may see their cases (and perhaps their sensitive
/// data) until <see cref="ExpiresOn"/> or until revoked: the legal ground for sharing between
/// professionals bound by secrecy.
/// </summary>
public sealed record Consent(
    string Id,
    string PersonId,
    IReadOnlyList<string> OrganisationIds,
    IReadOnlySet<ConsentScope> Scope,
    DateOnly ExpiresOn,
    string Evidence,
    string RecordedBy,
    string RecordedByOrganisationId,
    DateTimeOffset RecordedAt,
    DateTimeOffset? RevokedAt)
{
    /// <summary>
    /// In force at <paramref name="now"/>: not revoked, and <paramref name="now"/> is on or before the
    /// expiry day in Brussels, the calendar the form was signed in and the tasks count days in.
    /// </summary>
    public bool IsActiveAt(DateTimeOffset now) => RevokedAt is null && Time.PlausibleDates.Today(now) <= ExpiresOn;

    public bool Covers(string organisationId, ConsentScope scope, DateTimeOffset now) =>
        IsActiveAt(now) && Scope.Contains(scope) && OrganisationIds.Contains(organisationId);
}
