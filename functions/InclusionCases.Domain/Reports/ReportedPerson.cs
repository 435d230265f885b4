using InclusionCases.Domain.Persons;

namespace InclusionCases.Domain.Reports;

/// <summary>What the reports keep of a person: only the attributes breakdowns are cut by, never a name.</summary>
public sealed record ReportedPerson(Gender? Gender, int? BirthYear, DisabilityStatus? DisabilityStatus, ResidenceStatus? ResidenceStatus)
{
    /// <summary>Nothing known: an alias seen in the street, or a person whose fields are unknown.</summary>
    public static ReportedPerson Unknown { get; } = new(null, null, null, null);

    /// <summary>The attributes of <paramref name="person"/> the reports count.</summary>
    public static ReportedPerson Of(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return new(person.Gender, person.BirthYear, person.Sensitive?.DisabilityStatus, person.Sensitive?.ResidenceStatus);
    }
}
