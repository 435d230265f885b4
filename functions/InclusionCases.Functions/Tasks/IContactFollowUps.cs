using InclusionCases.Domain.Tasks;

namespace InclusionCases.Functions.Tasks;

/// <summary>
/// The street contacts flagged for follow-up that name a person. The contacts feature keeps them; the
/// projector reads them through this port so the task feature does not depend on that feature.
/// </summary>
public interface IContactFollowUps
{
    /// <summary>Every contact naming <paramref name="personId"/> with <c>followUp</c> set: one query of the person's outreach partition.</summary>
    Task<IReadOnlyList<ContactFollowUp>> ForPersonAsync(string personId, CancellationToken cancellationToken);
}
