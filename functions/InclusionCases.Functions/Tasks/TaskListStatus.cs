namespace InclusionCases.Functions.Tasks;

/// <summary>Which tasks a list shows: open ones (all, overdue, or due within a week), closed ones, or all.</summary>
public enum TaskListStatus
{
    Open,
    Overdue,
    DueSoon,
    Done,
    Cancelled,
    All,
}
