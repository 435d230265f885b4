using InclusionCases.Domain.Consents;

namespace InclusionCases.Domain.Access;

/// <summary>
/// What the policy needs to know about a person: their cases, their consents, and whether their data
/// was erased. The organisations that lead at least one of the cases are the person's
/// <see cref="Holders"/>; an organisation that only takes part in a case (through an accepted
/// referral) is a participant, and sees that case only while a consent covers it.
/// </summary>
public sealed record PersonAccess(IReadOnlyList<CaseAccess> Cases, IReadOnlyList<Consent> Consents, bool Erased)
{
    /// <summary>A person nobody holds yet: what a case opened for a new person starts from.</summary>
    public static PersonAccess New { get; } = new([], [], Erased: false);

    public IEnumerable<string> Holders => Cases.Select(c => c.LeadOrganisationId).Distinct(StringComparer.Ordinal);

    public bool IsHolder(string organisationId) => Cases.Any(c => c.LeadOrganisationId == organisationId);

    public CaseAccess? Case(string caseId) => Cases.FirstOrDefault(c => c.CaseId == caseId);

    /// <summary>Whether an active consent covers the organisation for the scope.</summary>
    public bool ConsentCovers(string organisationId, ConsentScope scope, DateTimeOffset now) =>
        Consents.Any(c => c.Covers(organisationId, scope, now));

    /// <summary>The organisation leads the case, or takes part in it while a consent covers it.</summary>
    public bool Sees(string organisationId, CaseAccess c, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(c);
        return organisationId == c.LeadOrganisationId
            || (c.Participants.Contains(organisationId) && ConsentCovers(organisationId, ConsentScope.Case, now));
    }

    /// <summary>The organisation sees at least one of the person's cases.</summary>
    public bool SeesPerson(string organisationId, DateTimeOffset now) => Cases.Any(c => Sees(organisationId, c, now));

    /// <summary>The organisations that see the case now: its lead, and its participants a consent covers.</summary>
    public IReadOnlyList<string> Seeing(CaseAccess c, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(c);
        return [.. c.Participants.Where(p => Sees(p, c, now)).Prepend(c.LeadOrganisationId).Distinct(StringComparer.Ordinal)];
    }
}
