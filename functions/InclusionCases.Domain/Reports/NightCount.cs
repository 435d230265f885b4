namespace InclusionCases.Domain.Reports;

/// <summary>
/// A point-in-time count (the Bruss'help-style night count): on <see cref="Night"/>, from
/// <see cref="From"/> to <see cref="To"/> on a Brussels clock (past midnight when <see cref="To"/> is not
/// after <see cref="From"/>), in <see cref="Zones"/>. The street contacts of that window and those zones
/// are its tallies.
/// </summary>
public sealed record NightCount(string Id, DateOnly Night, TimeOnly From, TimeOnly To, IReadOnlyList<string> Zones, string OpenedBy, string OrganisationId, DateTimeOffset OpenedAt)
{
    /// <summary>The first instant of the window.</summary>
    public DateTimeOffset Start => Time.PlausibleDates.At(Night, From);

    /// <summary>The instant the window ends (not part of it): on the next day when it goes past midnight.</summary>
    public DateTimeOffset End => Time.PlausibleDates.At(To > From ? Night : Night.AddDays(1), To);
}
