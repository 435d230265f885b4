using InclusionCases.Domain.Referrals;

namespace InclusionCases.UnitTests.Referrals;

/// <summary>The referral lifecycle as a table: every status against every move, who makes it, and expiry by time.</summary>
public sealed class ReferralWorkflowTests
{
    private static readonly DateTimeOffset Made = new(2026, 10, 1, 9, 30, 0, TimeSpan.Zero);

    public static TheoryData<ReferralStatus, ReferralMove, ReferralStatus?> Table()
    {
        var data = new TheoryData<ReferralStatus, ReferralMove, ReferralStatus?>();
        var possible = new Dictionary<(ReferralStatus, ReferralMove), ReferralStatus>
        {
            [(ReferralStatus.Pending, ReferralMove.Accept)] = ReferralStatus.Accepted,
            [(ReferralStatus.Pending, ReferralMove.Decline)] = ReferralStatus.Declined,
            [(ReferralStatus.Pending, ReferralMove.Withdraw)] = ReferralStatus.Withdrawn,
            [(ReferralStatus.Pending, ReferralMove.Expire)] = ReferralStatus.Expired,
            [(ReferralStatus.Accepted, ReferralMove.Complete)] = ReferralStatus.Completed,
        };
        foreach (var status in Enum.GetValues<ReferralStatus>())
        {
            foreach (var move in Enum.GetValues<ReferralMove>())
            {
                data.Add(status, move, possible.TryGetValue((status, move), out var to) ? to : null);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void EveryStatus_AgainstEveryMove(ReferralStatus status, ReferralMove move, ReferralStatus? expected)
    {
        Assert.Equal(expected, ReferralWorkflow.After(status, move));
        Assert.Equal(expected is not null, ReferralWorkflow.MovesFrom(status).Contains(move));
    }

    [Theory]
    [InlineData(ReferralMove.Accept, ReferralSide.Referred)]
    [InlineData(ReferralMove.Decline, ReferralSide.Referred)]
    [InlineData(ReferralMove.Complete, ReferralSide.Referred)]
    [InlineData(ReferralMove.Withdraw, ReferralSide.Referring)]
    [InlineData(ReferralMove.Expire, ReferralSide.System)]
    public void EachMove_BelongsToOneSide(ReferralMove move, ReferralSide side) =>
        Assert.Equal(side, ReferralWorkflow.SideOf(move));

    [Fact]
    public void FinalStatuses_AllowNoMove() =>
        Assert.All([ReferralStatus.Declined, ReferralStatus.Withdrawn, ReferralStatus.Completed, ReferralStatus.Expired], s => Assert.Empty(ReferralWorkflow.MovesFrom(s)));

    [Theory]
    [InlineData(-1, ReferralStatus.Pending)]
    [InlineData(0, ReferralStatus.Expired)]
    [InlineData(5, ReferralStatus.Expired)]
    public void APendingReferral_ReadsAsExpired_OnceItHasWaitedItsDays(int minutesPastExpiry, ReferralStatus expected)
    {
        var referral = new Referral("r", "c", "ixelles-cpas", "habitat-asbl", "Support", ReferralStatus.Pending, "sophie", Made, null);

        Assert.Equal(expected, ReferralWorkflow.StatusAt(referral, Made.AddDays(30).AddMinutes(minutesPastExpiry), pendingDays: 30));
        Assert.Equal(ReferralStatus.Accepted, ReferralWorkflow.StatusAt(referral with { Status = ReferralStatus.Accepted }, Made.AddYears(1), pendingDays: 30));
    }
}
