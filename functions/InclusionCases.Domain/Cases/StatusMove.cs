using InclusionCases.Domain.Text;

namespace InclusionCases.Domain.Cases;

/// <summary>The outcome of asking to move a case to another status.</summary>
public sealed record StatusMove(bool Allowed, Message? Problem, IReadOnlyList<CaseStatus> AllowedMoves)
{
    public static StatusMove Ok(IReadOnlyList<CaseStatus> allowed) => new(true, null, allowed);

    public static StatusMove Refused(Message problem, IReadOnlyList<CaseStatus> allowed) => new(false, problem, allowed);
}
