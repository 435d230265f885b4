using InclusionCases.Domain.Access;
using InclusionCases.Domain.Consents;
using InclusionCases.Domain.Identity;

namespace InclusionCases.UnitTests.Access;

/// <summary>
/// Who may link or split records, decided on each record: the person of case "c1" is led by
/// ixelles-cpas, with habitat-asbl a consented participant; an erased copy of that person; and no
/// record at all.
/// </summary>
public sealed class LinkPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    private static readonly PersonAccess Person = new(
        [new CaseAccess("c1", "ixelles-cpas", ["habitat-asbl"])],
        [new Consent("k1", "p1", ["habitat-asbl"], new HashSet<ConsentScope> { ConsentScope.Case }, new DateOnly(2027, 11, 27), "form", "sophie", "ixelles-cpas", Now.AddDays(-1), null)],
        Erased: false);

    public static TheoryData<AppRole, string, bool, bool, AccessDecision> Decisions => new()
    {
        // role, organisation, record exists, erased, decision
        { AppRole.SocialWorker, "ixelles-cpas", true, false, AccessDecision.Allowed },
        { AppRole.SocialWorker, "habitat-asbl", true, false, AccessDecision.Forbidden },
        { AppRole.SocialWorker, "jette-cpas", true, false, AccessDecision.NotFound },
        { AppRole.SocialWorker, "ixelles-cpas", true, true, AccessDecision.Gone },
        { AppRole.SocialWorker, "ixelles-cpas", false, false, AccessDecision.NotFound },
        { AppRole.Partner, "habitat-asbl", true, false, AccessDecision.Forbidden },
        { AppRole.Partner, "jette-cpas", true, false, AccessDecision.NotFound },
        { AppRole.Auditor, "ixelles-commune", true, false, AccessDecision.Allowed },
        { AppRole.Auditor, "ixelles-commune", true, true, AccessDecision.Gone },
        { AppRole.Auditor, "ixelles-commune", false, false, AccessDecision.NotFound },
    };

    [Theory]
    [MemberData(nameof(Decisions))]
    public void DecideOnLink_IsTheHoldersOrTheAuditors(AppRole role, string organisation, bool exists, bool erased, AccessDecision expected)
    {
        var caller = new Caller("u", "U", organisation, new HashSet<AppRole> { role });
        var person = exists ? Person with { Erased = erased } : null;

        Assert.Equal(expected, AccessPolicy.DecideOnLink(caller, ApiOperation.LinkPersons, person, Now));
        Assert.Equal(expected, AccessPolicy.DecideOnLink(caller, ApiOperation.SplitPersons, person, Now));
    }
}
