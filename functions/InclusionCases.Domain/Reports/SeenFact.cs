namespace InclusionCases.Domain.Reports;

/// <summary>
/// Someone street contacts saw in one quarter: a person (whose linked records share one
/// <see cref="PersonKey"/>), or, for contacts naming no person, an alias in a zone.
/// It carries where they were last seen, and last seen bedded down, and their contacts by zone.
/// </summary>
/// <param name="PersonKey">The same for every record of one person and in every quarter; never a name.</param>
/// <param name="Kind">A person, an alias in a zone, or nobody to count.</param>
/// <param name="Person">The person's reported attributes (<see cref="ReportedPerson.Unknown"/> for an alias).</param>
/// <param name="LastSeenAt">The last contact of the quarter.</param>
/// <param name="Zone">That contact's zone.</param>
/// <param name="LastBeddedDownAt">The last contact of the quarter that found them bedded down, if any.</param>
/// <param name="BeddedDownZone">That contact's zone.</param>
/// <param name="ContactsByZone">How many contacts of the quarter, by zone.</param>
public sealed record SeenFact(
    string PersonKey,
    SeenKind Kind,
    ReportedPerson Person,
    DateTimeOffset LastSeenAt,
    string Zone,
    DateTimeOffset? LastBeddedDownAt,
    string? BeddedDownZone,
    IReadOnlyDictionary<string, int> ContactsByZone);
