using InclusionCases.Domain.Access;
using InclusionCases.Domain.Cases;
using InclusionCases.Domain.Identity;
using InclusionCases.Domain.Persons;
using InclusionCases.Functions.Cases.Contracts;
using InclusionCases.Functions.PersonFile;

namespace InclusionCases.Functions.Cases;

/// <summary>
/// Builds what a caller is shown, field by field from an allow-list: a new field on a record is
/// never returned until it is added here. <c>person.sensitive</c> and <c>piis</c> (it tells the person
/// lives on the integration income) only where <see cref="AccessPolicy.CanSeeSensitive"/> says so.
/// </summary>
public static class CaseProjection
{
    public static CaseResponse For(Caller caller, CaseFile c, Person person, PersonAccess access, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(c);
        return Build(c, person, AccessPolicy.CanSeeSensitive(caller, access, c.Id, now));
    }

    /// <summary>Everything held, sensitive fields included: for the person's own GDPR export only.</summary>
    public static CaseResponse Full(CaseFile c, Person person) => Build(c, person, includeSensitive: true);

    public static TimelineItem Item(TimelineEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var isNote = entry.Kind == TimelineKind.Note;
        return new TimelineItem(
            entry.Id,
            char.ToLowerInvariant(entry.Kind.ToString()[0]) + entry.Kind.ToString()[1..],
            entry.At,
            entry.ActorId,
            entry.ActorOrganisationId,
            isNote ? entry.Text : null,
            isNote ? (entry.OrganisationOnly ? NoteVisibility.Organisation : NoteVisibility.Shared) : null,
            entry.Detail);
    }

    private static CaseResponse Build(CaseFile c, Person person, bool includeSensitive)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(person);
        var sensitive = includeSensitive
            ? new SensitiveResponse(person.Sensitive?.Health, person.Sensitive?.Addiction, person.Sensitive?.MigrationStatus, person.Sensitive?.Violence, person.Sensitive?.DisabilityStatus, person.Sensitive?.ResidenceStatus)
            : null;
        return new CaseResponse(
            c.Id,
            c.Type,
            c.Status,
            c.LeadOrganisationId,
            c.Participants,
            c.AssignedWorkerId,
            new PersonResponse(person.Id, person.DisplayName, person.BirthYear, person.Gender, person.Languages, sensitive),
            c.Housing is null ? null : new HousingResponse(c.Housing.MoveInDate, c.Housing.TenancyStatus),
            c.Closure is null ? null : new ClosureResponse(c.Closure.Reason, c.Closure.Date),
            c.Piis is null || !includeSensitive ? null : new PiisResponse(c.Piis.SignedOn),
            c.CreatedAt,
            c.UpdatedAt);
    }

    /// <summary>The strong ETag of a case: its version.</summary>
    public static string ETag(CaseFile c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return $"\"{c.Version}\"";
    }
}
