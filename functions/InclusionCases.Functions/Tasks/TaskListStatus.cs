namespace InclusionCases.Functions.Tasks;

/// <summary>Which tasks a list shows: open ones (all, overdue, or due within a week), closed ones, or all.</summary>
public enum TaskListStatus
{
    /// <summary>Open tasks (the default).</summary>
    Open,

    /// <summary>Open tasks due before today.</summary>
    Overdue,

    /// <summary>Open tasks due from today to a week ahead.</summary>
    DueSoon,

    /// <summary>Tasks done.</summary>
    Done,

    /// <summary>Tasks cancelled.</summary>
    Cancelled,

    /// <summary>Every task, whatever its status.</summary>
    All,
}
