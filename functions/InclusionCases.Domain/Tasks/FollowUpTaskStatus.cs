namespace InclusionCases.Domain.Tasks;

/// <summary>Where a task stands; done and cancelled are final.</summary>
public enum FollowUpTaskStatus
{
    Open,
    Done,
    Cancelled,
}
