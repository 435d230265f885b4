namespace InclusionCases.Domain.Tasks;

/// <summary>What the rules want changed: derived tasks to open and open tasks to close. Empty when the tasks are current.</summary>
public sealed record TaskPlan(IReadOnlyList<DerivedTask> ToOpen, IReadOnlyList<TaskClosure> ToClose)
{
    /// <summary>Whether the tasks are already as the rules want them.</summary>
    public bool IsEmpty => ToOpen.Count == 0 && ToClose.Count == 0;
}
