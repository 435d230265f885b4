namespace InclusionCases.Domain.Referrals;

/// <summary>
/// The referral's moves, as a table: from <see cref="ReferralStatus.Pending"/> the referred
/// organisation accepts or declines, the referring one withdraws, the system expires it once it has
/// waited <see cref="DefaultPendingDays"/> days (a setting); from <see cref="ReferralStatus.Accepted"/>
/// the referred organisation completes it. Every other status is final.
/// </summary>
public static class ReferralWorkflow
{
    /// <summary>Days a referral may stay pending before it expires, unless configured otherwise.</summary>
    public const int DefaultPendingDays = 30;

    private static readonly Dictionary<ReferralMove, (ReferralStatus From, ReferralSide By, ReferralStatus To)> Table = new()
    {
        [ReferralMove.Accept] = (ReferralStatus.Pending, ReferralSide.Referred, ReferralStatus.Accepted),
        [ReferralMove.Decline] = (ReferralStatus.Pending, ReferralSide.Referred, ReferralStatus.Declined),
        [ReferralMove.Withdraw] = (ReferralStatus.Pending, ReferralSide.Referring, ReferralStatus.Withdrawn),
        [ReferralMove.Expire] = (ReferralStatus.Pending, ReferralSide.System, ReferralStatus.Expired),
        [ReferralMove.Complete] = (ReferralStatus.Accepted, ReferralSide.Referred, ReferralStatus.Completed),
    };

    /// <summary>The moves possible from <paramref name="status"/>, whoever makes them (what a 409 lists as allowed).</summary>
    public static IReadOnlyList<ReferralMove> MovesFrom(ReferralStatus status) =>
        [.. Table.Where(m => m.Value.From == status).Select(m => m.Key).Order()];

    /// <summary>Who makes <paramref name="move"/>.</summary>
    public static ReferralSide SideOf(ReferralMove move) => Table[move].By;

    /// <summary>The status <paramref name="move"/> leads to, or <c>null</c> when it is not possible from <paramref name="status"/>.</summary>
    public static ReferralStatus? After(ReferralStatus status, ReferralMove move) =>
        Table[move].From == status ? Table[move].To : null;

    /// <summary>The day a pending referral made at <paramref name="createdAt"/> expires: once it has waited <paramref name="pendingDays"/> whole days.</summary>
    public static DateTimeOffset ExpiresAt(DateTimeOffset createdAt, int pendingDays) => createdAt.AddDays(pendingDays);

    /// <summary>
    /// The status of <paramref name="referral"/> at <paramref name="now"/>: a pending one past its
    /// expiry counts as expired before the timer has written it, so nobody answers it late.
    /// </summary>
    public static ReferralStatus StatusAt(Referral referral, DateTimeOffset now, int pendingDays)
    {
        ArgumentNullException.ThrowIfNull(referral);
        return referral.Status == ReferralStatus.Pending && now >= ExpiresAt(referral.CreatedAt, pendingDays) ? ReferralStatus.Expired : referral.Status;
    }

    /// <summary>The wire name of a move or status (camelCase), for problem details.</summary>
    public static string Name<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
