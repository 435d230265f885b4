using InclusionCases.Domain.Identity;

namespace InclusionCases.Tools.Demo;

/// <summary>A seeded demo user or partner application, addressed by a short login in <c>./dev token</c>.</summary>
public sealed record DemoUser(string Login, string ObjectId, string DisplayName, AppRole Role, string OrganisationId, bool IsApplication = false)
{
    public Membership Membership => new(ObjectId, OrganisationId, DisplayName);
}
