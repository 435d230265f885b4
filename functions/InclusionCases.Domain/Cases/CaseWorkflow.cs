using InclusionCases.Domain.Text;

namespace InclusionCases.Domain.Cases;

/// <summary>
/// The status moves of a case: intake→active, active→housed (needs a move-in date),
/// housed→active (housing lost), intake|active|housed→closed (needs a closure reason),
/// closed→intake (reopen). Staying in the same status is not a move and always allowed.
/// </summary>
public static class CaseWorkflow
{
    private static readonly Dictionary<CaseStatus, CaseStatus[]> Moves = new()
    {
        [CaseStatus.Intake] = [CaseStatus.Active, CaseStatus.Closed],
        [CaseStatus.Active] = [CaseStatus.Housed, CaseStatus.Closed],
        [CaseStatus.Housed] = [CaseStatus.Active, CaseStatus.Closed],
        [CaseStatus.Closed] = [CaseStatus.Intake],
    };

    public static IReadOnlyList<CaseStatus> AllowedMoves(CaseStatus from) => Moves[from];

    /// <summary>Checks a move given the housing and closure the case will have after the change.</summary>
    public static StatusMove Check(CaseStatus from, CaseStatus to, Housing? housing, Closure? closure)
    {
        var allowed = AllowedMoves(from);
        if (from == to)
        {
            return StatusMove.Ok(allowed);
        }

        if (!allowed.Contains(to))
        {
            return StatusMove.Refused(DomainText.CaseCannotMove(Name(from), Name(to)), allowed);
        }

        if (to == CaseStatus.Housed && housing?.MoveInDate is null)
        {
            return StatusMove.Refused(DomainText.HousedNeedsMoveInDate, allowed);
        }

        if (to == CaseStatus.Closed && closure?.Reason is null)
        {
            return StatusMove.Refused(DomainText.ClosingNeedsReason, allowed);
        }

        return StatusMove.Ok(allowed);
    }

    public static string Name(CaseStatus status) => status.ToString().ToLowerInvariant();
}
