namespace InclusionCases.Domain.Contacts;

/// <summary>Who holds a contact id system-wide, and the fingerprint of the contact stored under it.</summary>
/// <param name="OrganisationId">The organisation of the mediator who first logged the contact.</param>
/// <param name="MediatorId">That mediator.</param>
/// <param name="Fingerprint">The <see cref="ContactFingerprint"/> of the stored contact.</param>
public sealed record ContactIdClaim(string OrganisationId, string MediatorId, string Fingerprint);

/// <summary>What a contact sent under an id means, given what is already stored under that id.</summary>
public enum ContactIdOutcome
{
    /// <summary>Nothing is stored under the id yet.</summary>
    New,

    /// <summary>The same contact from the same organisation: a re-send, stored once.</summary>
    Same,

    /// <summary>A different contact, or any contact from another organisation: refused.</summary>
    Conflict,
}

/// <summary>
/// A contact id names one contact for the whole system. Only the organisation that stored it may
/// send it again, and only unchanged; anything else is a conflict. Another organisation gets
/// "conflict" even with an identical body, so an id it learned cannot be used to test guesses about
/// the stored contact (who it names, where, when).
/// </summary>
public static class ContactIdRule
{
    /// <summary>The outcome of <paramref name="organisationId"/> sending <paramref name="contact"/> when <paramref name="existing"/> holds its id.</summary>
    public static ContactIdOutcome Decide(ContactIdClaim? existing, string organisationId, StreetContact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        if (existing is null)
        {
            return ContactIdOutcome.New;
        }

        return string.Equals(existing.OrganisationId, organisationId, StringComparison.Ordinal) && ContactFingerprint.Matches(existing.Fingerprint, contact)
            ? ContactIdOutcome.Same
            : ContactIdOutcome.Conflict;
    }
}
