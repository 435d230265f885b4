namespace InclusionCases.Functions.Tasks;

/// <summary>Whose tasks a list shows: the caller's (assigned to them) or their organisation's.</summary>
public enum TaskListScope
{
    Organisation,
    Me,
}
