using InclusionCases.Domain.Access;
using InclusionCases.Domain.Consents;
using InclusionCases.Domain.Identity;

namespace InclusionCases.UnitTests.Access;

/// <summary>
/// The one decision function, as a table. The person: case "c1" led by ixelles-cpas, in which
/// habitat-asbl (consent, scope case) and jette-cpas (no consent) take part; case "c2" led by
/// commune-cpas. So ixelles-cpas and commune-cpas are holders, habitat-asbl a consented participant,
/// jette-cpas a participant without consent, anyone else a stranger.
/// </summary>
public sealed class AccessPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 21, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly NextYear = new(2027, 11, 25);

    private static readonly PersonAccess Person = new(
        [new CaseAccess("c1", "ixelles-cpas", ["habitat-asbl", "jette-cpas"]), new CaseAccess("c2", "commune-cpas", [])],
        [ConsentFor("habitat-asbl", NextYear)],
        Erased: false);

    private static Caller As(AppRole role, string organisation) => new("u", "U", organisation, new HashSet<AppRole> { role });

    private static Consent ConsentFor(string organisation, DateOnly expiresOn, bool sensitive = false, DateTimeOffset? revokedAt = null) => new(
        "k1", "p1", [organisation],
        sensitive ? new HashSet<ConsentScope> { ConsentScope.Case, ConsentScope.Sensitive } : new HashSet<ConsentScope> { ConsentScope.Case },
        expiresOn, "signed form", "sophie", "ixelles-cpas", Now.AddDays(-10), revokedAt);

    public static TheoryData<AppRole, string, ApiOperation, string?, AccessDecision> Decisions => new()
    {
        // A holder's social worker: everything on its own case, every person-level act.
        { AppRole.SocialWorker, "ixelles-cpas", ApiOperation.ReadCase, "c1", AccessDecision.Allowed },
        { AppRole.SocialWorker, "ixelles-cpas", ApiOperation.UpdateCase, "c1", AccessDecision.Allowed },
        { AppRole.SocialWorker, "ixelles-cpas", ApiOperation.EditPerson, "c1", AccessDecision.Allowed },
        { AppRole.SocialWorker, "ixelles-cpas", ApiOperation.AddNote, "c1", AccessDecision.Allowed },
        { AppRole.SocialWorker, "ixelles-cpas", ApiOperation.CreateReferral, "c1", AccessDecision.Allowed },
        { AppRole.SocialWorker, "ixelles-cpas", ApiOperation.OpenCaseForPerson, null, AccessDecision.Allowed },
        { AppRole.SocialWorker, "ixelles-cpas", ApiOperation.RecordConsent, null, AccessDecision.Allowed },
        { AppRole.SocialWorker, "ixelles-cpas", ApiOperation.RevokeConsent, null, AccessDecision.Allowed },
        // ... but not another holder's case: holding a person is not seeing all their cases.
        { AppRole.SocialWorker, "ixelles-cpas", ApiOperation.ReadCase, "c2", AccessDecision.NotFound },
        { AppRole.SocialWorker, "commune-cpas", ApiOperation.RecordConsent, null, AccessDecision.Allowed },
        // A consented participant works on the case but never acts on the person: it cannot make itself a holder.
        { AppRole.SocialWorker, "habitat-asbl", ApiOperation.ReadCase, "c1", AccessDecision.Allowed },
        { AppRole.SocialWorker, "habitat-asbl", ApiOperation.UpdateCase, "c1", AccessDecision.Allowed },
        { AppRole.SocialWorker, "habitat-asbl", ApiOperation.AddNote, "c1", AccessDecision.Allowed },
        { AppRole.SocialWorker, "habitat-asbl", ApiOperation.EditPerson, "c1", AccessDecision.Forbidden },
        { AppRole.SocialWorker, "habitat-asbl", ApiOperation.CreateReferral, "c1", AccessDecision.Forbidden },
        { AppRole.SocialWorker, "habitat-asbl", ApiOperation.OpenCaseForPerson, null, AccessDecision.Forbidden },
        { AppRole.SocialWorker, "habitat-asbl", ApiOperation.RecordConsent, null, AccessDecision.Forbidden },
        { AppRole.SocialWorker, "habitat-asbl", ApiOperation.RevokeConsent, null, AccessDecision.Forbidden },
        // A participant's system reads and adds notes, never writes.
        { AppRole.Partner, "habitat-asbl", ApiOperation.ReadCase, "c1", AccessDecision.Allowed },
        { AppRole.Partner, "habitat-asbl", ApiOperation.AddNote, "c1", AccessDecision.Allowed },
        { AppRole.Partner, "habitat-asbl", ApiOperation.UpdateCase, "c1", AccessDecision.Forbidden },
        { AppRole.Partner, "habitat-asbl", ApiOperation.RecordConsent, null, AccessDecision.Forbidden },
        // A participant without consent, and a stranger, learn nothing.
        { AppRole.SocialWorker, "jette-cpas", ApiOperation.ReadCase, "c1", AccessDecision.NotFound },
        { AppRole.SocialWorker, "jette-cpas", ApiOperation.OpenCaseForPerson, null, AccessDecision.NotFound },
        { AppRole.SocialWorker, "jette-cpas", ApiOperation.RecordConsent, null, AccessDecision.NotFound },
        { AppRole.SocialWorker, "other-asbl", ApiOperation.ReadCase, "c1", AccessDecision.NotFound },
        { AppRole.SocialWorker, "other-asbl", ApiOperation.OpenCaseForPerson, null, AccessDecision.NotFound },
        { AppRole.SocialWorker, "ixelles-cpas", ApiOperation.ReadCase, "no-such-case", AccessDecision.NotFound },
        // Roles that never touch case files: 403 where the organisation sees the case, 404 where not.
        { AppRole.Mediator, "ixelles-cpas", ApiOperation.ReadCase, "c1", AccessDecision.Forbidden },
        { AppRole.Coordinator, "ixelles-cpas", ApiOperation.RecordConsent, null, AccessDecision.Forbidden },
        { AppRole.Mediator, "other-commune", ApiOperation.ReadCase, "c1", AccessDecision.NotFound },
    };

    [Theory]
    [MemberData(nameof(Decisions))]
    public void Decide_ByStanding_AnswersAsTheTrustRules(AppRole role, string organisation, ApiOperation operation, string? caseId, AccessDecision expected) =>
        Assert.Equal(expected, AccessPolicy.Decide(As(role, organisation), operation, Person, caseId, Now));

    [Theory]
    [InlineData(ApiOperation.EditPerson, "c1", AccessDecision.Gone)]
    [InlineData(ApiOperation.AddNote, "c1", AccessDecision.Gone)]
    [InlineData(ApiOperation.CreateReferral, "c1", AccessDecision.Gone)]
    [InlineData(ApiOperation.OpenCaseForPerson, null, AccessDecision.Gone)]
    [InlineData(ApiOperation.RecordConsent, null, AccessDecision.Gone)]
    [InlineData(ApiOperation.RevokeConsent, null, AccessDecision.Gone)]
    [InlineData(ApiOperation.UpdateCase, "c1", AccessDecision.Allowed)] // the case may still be closed
    [InlineData(ApiOperation.ReadCase, "c1", AccessDecision.Allowed)] // reads show the anonymised record
    public void Decide_PersonErased_RefusesWritesAboutThem(ApiOperation operation, string? caseId, AccessDecision expected) =>
        Assert.Equal(expected, AccessPolicy.Decide(As(AppRole.SocialWorker, "ixelles-cpas"), operation, Person with { Erased = true }, caseId, Now));

    [Fact]
    public void Decide_PersonErased_StrangerStillGets404() =>
        Assert.Equal(AccessDecision.NotFound, AccessPolicy.Decide(As(AppRole.SocialWorker, "other-asbl"), ApiOperation.AddNote, Person with { Erased = true }, "c1", Now));

    [Fact]
    public void Decide_ConsentRevokedOrExpired_ParticipantLosesSight()
    {
        var revoked = Person with { Consents = [ConsentFor("habitat-asbl", NextYear, revokedAt: Now.AddMinutes(-1))] };
        var expired = Person with { Consents = [ConsentFor("habitat-asbl", DateOnly.FromDateTime(Now.UtcDateTime).AddDays(-1))] };
        var caller = As(AppRole.SocialWorker, "habitat-asbl");

        Assert.Equal(AccessDecision.NotFound, AccessPolicy.Decide(caller, ApiOperation.ReadCase, revoked, "c1", Now));
        Assert.Equal(AccessDecision.NotFound, AccessPolicy.Decide(caller, ApiOperation.ReadCase, expired, "c1", Now));
    }

    [Fact]
    public void Decide_ConsentWithoutParticipation_SeesNothing()
    {
        // Consent names the organisation, but no referral was accepted: consent alone shares no case.
        var person = Person with { Consents = [ConsentFor("other-asbl", NextYear, sensitive: true)] };

        Assert.Equal(AccessDecision.NotFound, AccessPolicy.Decide(As(AppRole.SocialWorker, "other-asbl"), ApiOperation.ReadCase, person, "c1", Now));
    }

    [Theory]
    [InlineData(AppRole.SocialWorker, "ixelles-cpas", false, true)] // a holder
    [InlineData(AppRole.SocialWorker, "habitat-asbl", false, false)] // consent without the sensitive scope
    [InlineData(AppRole.SocialWorker, "habitat-asbl", true, true)] // consent with it
    [InlineData(AppRole.Partner, "habitat-asbl", true, false)] // systems never
    [InlineData(AppRole.Partner, "ixelles-cpas", false, false)]
    [InlineData(AppRole.SocialWorker, "jette-cpas", true, false)] // does not see the case at all
    public void CanSeeSensitive_OnlyHoldersAndSensitiveConsent(AppRole role, string organisation, bool sensitiveConsent, bool expected)
    {
        var person = Person with { Consents = [ConsentFor("habitat-asbl", NextYear, sensitiveConsent)] };

        Assert.Equal(expected, AccessPolicy.CanSeeSensitive(As(role, organisation), person, "c1", Now));
    }

    [Theory]
    [InlineData("habitat-asbl", ApiOperation.AcceptReferral, false, true, AccessDecision.Allowed)]
    [InlineData("habitat-asbl", ApiOperation.DeclineReferral, false, true, AccessDecision.Allowed)]
    [InlineData("habitat-asbl", ApiOperation.AcceptReferral, true, true, AccessDecision.Gone)]
    [InlineData("habitat-asbl", ApiOperation.DeclineReferral, true, true, AccessDecision.Gone)]
    [InlineData("habitat-asbl", ApiOperation.AcceptReferral, false, false, AccessDecision.NotFound)] // consent revoked: not theirs to see
    [InlineData("ixelles-cpas", ApiOperation.AcceptReferral, false, true, AccessDecision.Forbidden)]
    [InlineData("jette-cpas", ApiOperation.AcceptReferral, false, true, AccessDecision.NotFound)]
    [InlineData("ixelles-cpas", ApiOperation.WithdrawReferral, false, true, AccessDecision.Allowed)]
    [InlineData("ixelles-cpas", ApiOperation.WithdrawReferral, false, false, AccessDecision.Allowed)] // the lead sees its referral, consent or not
    [InlineData("habitat-asbl", ApiOperation.WithdrawReferral, false, true, AccessDecision.Forbidden)]
    [InlineData("ixelles-cpas", ApiOperation.WithdrawReferral, true, true, AccessDecision.Gone)]
    [InlineData("habitat-asbl", ApiOperation.CompleteReferral, false, true, AccessDecision.Allowed)]
    [InlineData("ixelles-cpas", ApiOperation.CompleteReferral, false, true, AccessDecision.Forbidden)]
    [InlineData("jette-cpas", ApiOperation.WithdrawReferral, false, true, AccessDecision.NotFound)]
    public void DecideOnReferral_OnlyTheSideTheMoveBelongsToWhileItSeesIt(string organisation, ApiOperation operation, bool erased, bool consented, AccessDecision expected)
    {
        var person = new PersonAccess(
            [new CaseAccess("c1", "ixelles-cpas", [])],
            consented ? [ConsentFor("habitat-asbl", NextYear)] : [ConsentFor("habitat-asbl", NextYear, revokedAt: Now.AddMinutes(-1))],
            erased);

        Assert.Equal(expected, AccessPolicy.DecideOnReferral(As(AppRole.SocialWorker, organisation), operation, person, new ReferralAccess("c1", "ixelles-cpas", "habitat-asbl", Pending: true), Now));
    }

    [Theory]
    [InlineData("ixelles-cpas", true, true)] // the referring lead
    [InlineData("habitat-asbl", true, true)] // the referred organisation, invited while its consent holds
    [InlineData("habitat-asbl", false, false)] // declined: it does not take part, so it no longer sees the referral
    [InlineData("jette-cpas", true, false)]
    public void CanSeeReferral_WhileConsentHoldsAndTheReferralIsOpenOrAccepted(string organisation, bool pending, bool expected)
    {
        var person = new PersonAccess([new CaseAccess("c1", "ixelles-cpas", [])], [ConsentFor("habitat-asbl", NextYear)], Erased: false);
        var referral = new ReferralAccess("c1", "ixelles-cpas", "habitat-asbl", pending);

        Assert.Equal(expected, AccessPolicy.CanSeeReferral(organisation, person, referral, Now));
        var accepted = person with { Cases = [new CaseAccess("c1", "ixelles-cpas", ["habitat-asbl"])] };
        Assert.True(AccessPolicy.CanSeeReferral("habitat-asbl", accepted, referral with { Pending = false }, Now));
        var revoked = accepted with { Consents = [ConsentFor("habitat-asbl", NextYear, revokedAt: Now.AddMinutes(-1))] };
        Assert.False(AccessPolicy.CanSeeReferral("habitat-asbl", revoked, referral, Now));
    }

    [Fact]
    public void Roles_EveryOperationHasItsRoles() =>
        Assert.All(Enum.GetValues<ApiOperation>(), operation => Assert.NotEmpty(AccessPolicy.Roles[operation]));

    [Fact]
    public void MayWriteNote_PartnersWriteSharedNotesOnly()
    {
        Assert.True(AccessPolicy.MayWriteNote(As(AppRole.Partner, "habitat-asbl"), organisationOnly: false));
        Assert.False(AccessPolicy.MayWriteNote(As(AppRole.Partner, "habitat-asbl"), organisationOnly: true));
        Assert.True(AccessPolicy.MayWriteNote(As(AppRole.SocialWorker, "habitat-asbl"), organisationOnly: true));
    }

    [Theory]
    [InlineData(ApiOperation.ListOrganisations, new[] { AppRole.SocialWorker, AppRole.Mediator, AppRole.Partner, AppRole.Coordinator, AppRole.Auditor, AppRole.Operator })]
    [InlineData(ApiOperation.ReadOrganisation, new[] { AppRole.SocialWorker, AppRole.Mediator, AppRole.Partner, AppRole.Coordinator, AppRole.Auditor, AppRole.Operator })]
    [InlineData(ApiOperation.CreateOrganisation, new[] { AppRole.Coordinator })]
    [InlineData(ApiOperation.UpdateOrganisation, new[] { AppRole.Coordinator })]
    [InlineData(ApiOperation.ListMembers, new[] { AppRole.Coordinator, AppRole.SocialWorker })]
    [InlineData(ApiOperation.GrantMembership, new[] { AppRole.Coordinator })]
    [InlineData(ApiOperation.EndMembership, new[] { AppRole.Coordinator })]
    public void Roles_OrganisationsAndMembers(ApiOperation operation, AppRole[] roles) =>
        Assert.Equal(roles.ToHashSet(), AccessPolicy.Roles[operation].ToHashSet());

    [Theory]
    [InlineData(AppRole.Coordinator, "ixelles-commune", "habitat-asbl", AccessDecision.Allowed)] // any organisation's
    [InlineData(AppRole.SocialWorker, "habitat-asbl", "habitat-asbl", AccessDecision.Allowed)] // its own colleagues
    [InlineData(AppRole.SocialWorker, "jette-cpas", "habitat-asbl", AccessDecision.Forbidden)] // another organisation's: decided before any read
    [InlineData(AppRole.Partner, "habitat-asbl", "habitat-asbl", AccessDecision.Forbidden)] // systems never
    [InlineData(AppRole.Mediator, "ixelles-commune", "ixelles-commune", AccessDecision.Forbidden)]
    [InlineData(AppRole.Auditor, "ixelles-commune", "ixelles-commune", AccessDecision.Forbidden)]
    public void DecideOnMembers_CoordinatorsAndOwnSocialWorkers(AppRole role, string organisation, string listed, AccessDecision expected) =>
        Assert.Equal(expected, AccessPolicy.DecideOnMembers(As(role, organisation), listed));

    [Theory]
    [InlineData(AppRole.Coordinator, "someone-else", ApiOperation.GrantMembership, AccessDecision.Allowed)]
    [InlineData(AppRole.Coordinator, "someone-else", ApiOperation.EndMembership, AccessDecision.Allowed)]
    [InlineData(AppRole.Coordinator, "u", ApiOperation.GrantMembership, AccessDecision.Forbidden)] // their own
    [InlineData(AppRole.Coordinator, "u", ApiOperation.EndMembership, AccessDecision.Forbidden)]
    [InlineData(AppRole.SocialWorker, "someone-else", ApiOperation.GrantMembership, AccessDecision.Forbidden)]
    public void DecideOnMembership_CoordinatorsButNeverTheirOwn(AppRole role, string userId, ApiOperation operation, AccessDecision expected) =>
        Assert.Equal(expected, AccessPolicy.DecideOnMembership(As(role, "ixelles-commune"), operation, userId));
}
