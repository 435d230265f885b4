using InclusionCases.Domain.Cases;

namespace InclusionCases.UnitTests.Cases;

public sealed class CaseWorkflowTests
{
    private static readonly Housing MovedIn = new(new DateOnly(2026, 11, 2), TenancyStatus.Sustained);
    private static readonly Closure Reasoned = new(ClosureReason.Housed, new DateOnly(2026, 12, 1));

    public static TheoryData<CaseStatus, CaseStatus, bool> Moves
    {
        get
        {
            var allowed = new HashSet<(CaseStatus, CaseStatus)>
            {
                (CaseStatus.Intake, CaseStatus.Active),
                (CaseStatus.Active, CaseStatus.Housed),
                (CaseStatus.Housed, CaseStatus.Active),
                (CaseStatus.Intake, CaseStatus.Closed),
                (CaseStatus.Active, CaseStatus.Closed),
                (CaseStatus.Housed, CaseStatus.Closed),
                (CaseStatus.Closed, CaseStatus.Intake),
            };
            var data = new TheoryData<CaseStatus, CaseStatus, bool>();
            foreach (var from in Enum.GetValues<CaseStatus>())
            {
                foreach (var to in Enum.GetValues<CaseStatus>())
                {
                    data.Add(from, to, from == to || allowed.Contains((from, to)));
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Moves))]
    public void Check_EveryPairOfStatuses_FollowsTheContract(CaseStatus from, CaseStatus to, bool expected)
    {
        var move = CaseWorkflow.Check(from, to, MovedIn, Reasoned);

        Assert.Equal(expected, move.Allowed);
        Assert.Equal(CaseWorkflow.AllowedMoves(from), move.AllowedMoves);
    }

    [Fact]
    public void Check_ToHousedWithoutMoveInDate_IsRefused()
    {
        var move = CaseWorkflow.Check(CaseStatus.Active, CaseStatus.Housed, new Housing(null, TenancyStatus.LeaseSigned), null);

        Assert.False(move.Allowed);
        Assert.Contains("moveInDate", move.Problem?.English(), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ToClosedWithoutReason_IsRefused()
    {
        var move = CaseWorkflow.Check(CaseStatus.Intake, CaseStatus.Closed, null, new Closure(null, new DateOnly(2026, 1, 1)));

        Assert.False(move.Allowed);
        Assert.Contains("closure.reason", move.Problem?.English(), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_RefusedMove_ListsTheAllowedOnes()
    {
        var move = CaseWorkflow.Check(CaseStatus.Intake, CaseStatus.Housed, MovedIn, null);

        Assert.False(move.Allowed);
        Assert.Equal([CaseStatus.Active, CaseStatus.Closed], move.AllowedMoves);
    }
}
