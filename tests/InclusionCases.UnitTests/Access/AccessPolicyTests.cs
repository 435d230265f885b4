using InclusionCases.Domain.Access;
using InclusionCases.Domain.Consents;
using InclusionCases.Domain.Identity;

namespace InclusionCases.UnitTests.Access;

public sealed class AccessPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 21, 0, 0, TimeSpan.Zero);

    private static Caller As(AppRole role, string organisation) => new("u", "U", organisation, new HashSet<AppRole> { role });

    private static Consent ConsentFor(string organisation, DateOnly expiresOn, bool sensitive = false, DateTimeOffset? revokedAt = null) => new(
        "c1", "p1", [organisation],
        sensitive ? new HashSet<ConsentScope> { ConsentScope.Case, ConsentScope.Sensitive } : new HashSet<ConsentScope> { ConsentScope.Case },
        expiresOn, "signed form", "sophie", "ixelles-cpas", Now.AddDays(-10), revokedAt);

    private static readonly DateOnly NextYear = new(2027, 11, 25);

    /// <summary>Led by ixelles-cpas; habitat-asbl takes part with a consent; jette-cpas takes part without one.</summary>
    private static readonly CaseAccess SharedCase = new("ixelles-cpas", ["habitat-asbl", "jette-cpas"], [ConsentFor("habitat-asbl", NextYear)]);

    public static TheoryData<AppRole, string, ApiOperation, AccessDecision> CaseDecisions => new()
    {
        // The lead organisation's social worker does everything on the case.
        { AppRole.SocialWorker, "ixelles-cpas", ApiOperation.ReadCase, AccessDecision.Allowed },
        { AppRole.SocialWorker, "ixelles-cpas", ApiOperation.UpdateCase, AccessDecision.Allowed },
        { AppRole.SocialWorker, "ixelles-cpas", ApiOperation.AddNote, AccessDecision.Allowed },
        { AppRole.SocialWorker, "ixelles-cpas", ApiOperation.ReadTimeline, AccessDecision.Allowed },
        { AppRole.SocialWorker, "ixelles-cpas", ApiOperation.CreateReferral, AccessDecision.Allowed },
        { AppRole.SocialWorker, "ixelles-cpas", ApiOperation.RecordConsent, AccessDecision.Allowed },
        { AppRole.SocialWorker, "ixelles-cpas", ApiOperation.RevokeConsent, AccessDecision.Allowed },
        // A consented participant's social worker reads and writes, but neither refers nor handles consent.
        { AppRole.SocialWorker, "habitat-asbl", ApiOperation.ReadCase, AccessDecision.Allowed },
        { AppRole.SocialWorker, "habitat-asbl", ApiOperation.UpdateCase, AccessDecision.Allowed },
        { AppRole.SocialWorker, "habitat-asbl", ApiOperation.AddNote, AccessDecision.Allowed },
        { AppRole.SocialWorker, "habitat-asbl", ApiOperation.CreateReferral, AccessDecision.Forbidden },
        { AppRole.SocialWorker, "habitat-asbl", ApiOperation.RecordConsent, AccessDecision.Forbidden },
        { AppRole.SocialWorker, "habitat-asbl", ApiOperation.RevokeConsent, AccessDecision.Forbidden },
        // A participant's system reads and adds notes, never writes the case.
        { AppRole.Partner, "habitat-asbl", ApiOperation.ReadCase, AccessDecision.Allowed },
        { AppRole.Partner, "habitat-asbl", ApiOperation.ReadTimeline, AccessDecision.Allowed },
        { AppRole.Partner, "habitat-asbl", ApiOperation.AddNote, AccessDecision.Allowed },
        { AppRole.Partner, "habitat-asbl", ApiOperation.UpdateCase, AccessDecision.Forbidden },
        // A participant without consent, and an outsider, may not learn the case exists.
        { AppRole.SocialWorker, "jette-cpas", ApiOperation.ReadCase, AccessDecision.NotFound },
        { AppRole.SocialWorker, "jette-cpas", ApiOperation.UpdateCase, AccessDecision.NotFound },
        { AppRole.SocialWorker, "brussels-cpas", ApiOperation.ReadCase, AccessDecision.NotFound },
        { AppRole.Partner, "jette-cpas", ApiOperation.ReadCase, AccessDecision.NotFound },
        // Other roles never read case files: 404 from outside, 403 from a seeing organisation.
        { AppRole.Mediator, "ixelles-commune", ApiOperation.ReadCase, AccessDecision.NotFound },
        { AppRole.Coordinator, "ixelles-commune", ApiOperation.ReadCase, AccessDecision.NotFound },
        { AppRole.Auditor, "ixelles-commune", ApiOperation.ReadTimeline, AccessDecision.NotFound },
        { AppRole.Operator, "ixelles-commune", ApiOperation.ReadCase, AccessDecision.NotFound },
        { AppRole.Mediator, "ixelles-cpas", ApiOperation.ReadCase, AccessDecision.Forbidden },
        { AppRole.Coordinator, "ixelles-cpas", ApiOperation.ReadTimeline, AccessDecision.Forbidden },
        { AppRole.Auditor, "ixelles-cpas", ApiOperation.UpdateCase, AccessDecision.Forbidden },
        // Referral answers are decided on the referral, never through a case.
        { AppRole.SocialWorker, "habitat-asbl", ApiOperation.DecideReferral, AccessDecision.Forbidden },
    };

    [Theory]
    [MemberData(nameof(CaseDecisions))]
    public void Decide_OnSharedCase_FollowsTheAccessRules(AppRole role, string organisation, ApiOperation operation, AccessDecision expected)
    {
        Assert.Equal(expected, AccessPolicy.Decide(As(role, organisation), operation, SharedCase, Now));
    }

    [Theory]
    [InlineData(2026, 11, 25, true)] // expires today: still in force all day
    [InlineData(2026, 11, 24, false)] // expired yesterday
    public void Decide_ConsentExpiry_EndsParticipantAccess(int year, int month, int day, bool visible)
    {
        var access = new CaseAccess("ixelles-cpas", ["habitat-asbl"], [ConsentFor("habitat-asbl", new DateOnly(year, month, day))]);

        var decision = AccessPolicy.Decide(As(AppRole.SocialWorker, "habitat-asbl"), ApiOperation.ReadCase, access, Now);

        Assert.Equal(visible ? AccessDecision.Allowed : AccessDecision.NotFound, decision);
    }

    [Fact]
    public void Decide_RevokedConsent_EndsParticipantAccessAtOnce()
    {
        var access = new CaseAccess("ixelles-cpas", ["habitat-asbl"], [ConsentFor("habitat-asbl", NextYear, revokedAt: Now.AddSeconds(-1))]);

        Assert.Equal(AccessDecision.NotFound, AccessPolicy.Decide(As(AppRole.SocialWorker, "habitat-asbl"), ApiOperation.ReadCase, access, Now));
    }

    [Fact]
    public void Decide_ConsentWithoutParticipation_GivesNoAccess()
    {
        // Consent alone is not a referral: the organisation must also have accepted one.
        var access = new CaseAccess("ixelles-cpas", [], [ConsentFor("habitat-asbl", NextYear)]);

        Assert.Equal(AccessDecision.NotFound, AccessPolicy.Decide(As(AppRole.SocialWorker, "habitat-asbl"), ApiOperation.ReadCase, access, Now));
    }

    [Theory]
    [InlineData(AppRole.SocialWorker, "ixelles-cpas", false, true)]
    [InlineData(AppRole.SocialWorker, "habitat-asbl", false, false)]
    [InlineData(AppRole.SocialWorker, "habitat-asbl", true, true)]
    [InlineData(AppRole.Partner, "habitat-asbl", true, false)]
    [InlineData(AppRole.Partner, "ixelles-cpas", false, false)]
    [InlineData(AppRole.Auditor, "ixelles-cpas", false, false)]
    public void CanSeeSensitive_OnlySocialWorkersOfLeadOrSensitiveConsent(AppRole role, string organisation, bool sensitiveConsent, bool expected)
    {
        var access = new CaseAccess("ixelles-cpas", ["habitat-asbl"], [ConsentFor("habitat-asbl", NextYear, sensitiveConsent)]);

        Assert.Equal(expected, AccessPolicy.CanSeeSensitive(As(role, organisation), access, Now));
    }

    [Theory]
    [InlineData(AppRole.SocialWorker, "habitat-asbl", AccessDecision.Allowed)]
    [InlineData(AppRole.Partner, "habitat-asbl", AccessDecision.Allowed)]
    [InlineData(AppRole.Mediator, "habitat-asbl", AccessDecision.Forbidden)]
    [InlineData(AppRole.SocialWorker, "ixelles-cpas", AccessDecision.Forbidden)]
    [InlineData(AppRole.SocialWorker, "jette-cpas", AccessDecision.NotFound)]
    [InlineData(AppRole.Auditor, "ixelles-commune", AccessDecision.NotFound)]
    public void DecideOnReferral_OnlyTheReferredOrganisationAnswers(AppRole role, string organisation, AccessDecision expected)
    {
        Assert.Equal(expected, AccessPolicy.DecideOnReferral(As(role, organisation), "ixelles-cpas", "habitat-asbl"));
    }

    [Fact]
    public void DecideOnPerson_LeadOfAnyOfThePersonsCases_IsAllowed()
    {
        var other = new CaseAccess("jette-cpas", [], []);

        Assert.Equal(AccessDecision.Allowed, AccessPolicy.DecideOnPerson(As(AppRole.SocialWorker, "jette-cpas"), ApiOperation.RecordConsent, [SharedCase, other], Now));
        Assert.Equal(AccessDecision.Forbidden, AccessPolicy.DecideOnPerson(As(AppRole.SocialWorker, "habitat-asbl"), ApiOperation.RecordConsent, [SharedCase, other], Now));
        Assert.Equal(AccessDecision.NotFound, AccessPolicy.DecideOnPerson(As(AppRole.SocialWorker, "brussels-cpas"), ApiOperation.RecordConsent, [SharedCase, other], Now));
    }

    [Theory]
    [InlineData(false, AppRole.Partner, true)]
    [InlineData(true, AppRole.Partner, false)]
    [InlineData(true, AppRole.SocialWorker, true)]
    public void MayWriteNote_PartnersAddSharedNotesOnly(bool organisationOnly, AppRole role, bool expected)
    {
        Assert.Equal(expected, AccessPolicy.MayWriteNote(As(role, "habitat-asbl"), organisationOnly));
    }

    [Fact]
    public void CanSeeNote_OrganisationNotesStayInTheAuthorsOrganisation()
    {
        Assert.True(AccessPolicy.CanSeeNote(As(AppRole.SocialWorker, "ixelles-cpas"), true, "ixelles-cpas"));
        Assert.False(AccessPolicy.CanSeeNote(As(AppRole.SocialWorker, "habitat-asbl"), true, "ixelles-cpas"));
        Assert.True(AccessPolicy.CanSeeNote(As(AppRole.Partner, "habitat-asbl"), false, "ixelles-cpas"));
    }

    [Fact]
    public void Roles_CoverEveryOperation()
    {
        Assert.Equal(Enum.GetValues<ApiOperation>().ToHashSet(), AccessPolicy.Roles.Keys.ToHashSet());
    }
}
