using InclusionCases.Domain.Text;

namespace InclusionCases.Domain.Tasks;

/// <summary>
/// A person's reference address at a CPAS: kept only while the person reports at least once a
/// quarter, so the next check-in is due three calendar months after the last one (Brussels dates).
/// </summary>
public sealed record ReferenceAddress(string OrganisationId, DateOnly Since, DateOnly LastCheckIn)
{
    /// <summary>A check-in is due this many calendar months after the last one.</summary>
    public const int CheckInMonths = 3;

    /// <summary>Three calendar months after the last check-in (the 31st becomes the month's last day).</summary>
    public DateOnly NextCheckInDue => LastCheckIn.AddMonths(CheckInMonths);

    /// <summary>What is wrong with a check-in on <paramref name="on"/>, or null: not in the future, not before <see cref="Since"/> nor before the last check-in.</summary>
    public Message? CheckInProblem(DateOnly on, DateOnly today) =>
        on > today ? DomainText.CheckInInFuture
        : on < Since ? DomainText.CheckInBeforeSince
        : on < LastCheckIn ? DomainText.CheckInBeforeLast
        : null;

    /// <summary>The address after a check-in <see cref="CheckInProblem"/> accepted.</summary>
    public ReferenceAddress CheckIn(DateOnly on) => this with { LastCheckIn = on > LastCheckIn ? on : LastCheckIn };

    /// <summary>What is wrong with a reference address as set from <paramref name="since"/> with <paramref name="lastCheckIn"/>, or null.</summary>
    public static Message? Problem(DateOnly since, DateOnly lastCheckIn, DateOnly today) =>
        since > today ? DomainText.SinceInFuture
        : lastCheckIn > today ? DomainText.CheckInInFuture
        : lastCheckIn < since ? DomainText.CheckInBeforeSince
        : null;
}
