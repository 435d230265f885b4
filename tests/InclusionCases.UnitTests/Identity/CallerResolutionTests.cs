using InclusionCases.Domain.Identity;

namespace InclusionCases.UnitTests.Identity;

public sealed class CallerResolutionTests
{
    private static readonly IReadOnlySet<AppRole> SocialWorker = new HashSet<AppRole> { AppRole.SocialWorker };

    [Fact]
    public void Resolve_ExpiredMembership_IsRefused()
    {
        var membership = new Membership("u1", "ixelles-cpas", "Sophie") { ValidUntil = DateTimeOffset.UnixEpoch };

        var result = CallerResolution.Resolve(new AuthenticatedIdentity("u1", "Sophie", SocialWorker), membership, DateTimeOffset.UnixEpoch);

        Assert.Null(result.Caller);
        Assert.Contains("ended", result.Refusal?.English(), StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_WithMembership_TakesOrganisationFromMembership()
    {
        var identity = new AuthenticatedIdentity("u1", "Sophie", SocialWorker);

        var result = CallerResolution.Resolve(identity, new Membership("u1", "ixelles-cpas", "Sophie L."), DateTimeOffset.UnixEpoch);

        Assert.Equal(new Caller("u1", "Sophie", "ixelles-cpas", SocialWorker), result.Caller);
        Assert.Null(result.Refusal);
    }

    [Fact]
    public void Resolve_WithoutMembership_IsRefused()
    {
        var result = CallerResolution.Resolve(new AuthenticatedIdentity("u1", "Sophie", SocialWorker), null, DateTimeOffset.UnixEpoch);

        Assert.Null(result.Caller);
        Assert.Contains("not a member", result.Refusal?.English(), StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_MembershipOfAnotherUser_IsRefused()
    {
        var result = CallerResolution.Resolve(new AuthenticatedIdentity("u1", "Sophie", SocialWorker), new Membership("u2", "jette-cpas", "Thomas"), DateTimeOffset.UnixEpoch);

        Assert.Null(result.Caller);
    }

    [Fact]
    public void Resolve_WithoutAnyKnownRole_IsRefused()
    {
        var result = CallerResolution.Resolve(new AuthenticatedIdentity("u1", "Sophie", new HashSet<AppRole>()), new Membership("u1", "ixelles-cpas", "Sophie"), DateTimeOffset.UnixEpoch);

        Assert.Null(result.Caller);
        Assert.Contains("role", result.Refusal?.English(), StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_AppOnlyTokenWithoutName_UsesMembershipDisplayName()
    {
        var partner = new HashSet<AppRole> { AppRole.Partner };

        var result = CallerResolution.Resolve(new AuthenticatedIdentity("app", null, partner), new Membership("app", "habitat-asbl", "Habitat asbl (system)"), DateTimeOffset.UnixEpoch);

        Assert.Equal("Habitat asbl (system)", result.Caller?.Name);
    }
}
