using InclusionCases.Domain.Access;
using InclusionCases.Domain.Consents;
using InclusionCases.Domain.Webhooks;

namespace InclusionCases.UnitTests.Webhooks;

/// <summary>
/// Whether an organisation may still be told of an event when it is sent (<see cref="AccessPolicy.MayBeNotified"/>),
/// for each event type: case c1 is led by ixelles-cpas, habitat-asbl takes part under a consent, and
/// jette-cpas has a pending referral under the same consent.
/// </summary>
public sealed class WebhookEntitlementTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    private static Consent Consent(DateTimeOffset? revokedAt = null) => new(
        "k1", "p1", ["habitat-asbl", "jette-cpas"], new HashSet<ConsentScope> { ConsentScope.Case }, new DateOnly(2027, 11, 25), "signed form", "sophie", "ixelles-cpas", Now.AddDays(-10), revokedAt);

    private static PersonAccess Person(bool revoked = false) =>
        new([new CaseAccess("c1", "ixelles-cpas", ["habitat-asbl"])], [Consent(revoked ? Now.AddMinutes(-1) : null)], Erased: false);

    private static readonly ReferralAccess PendingToJette = new("c1", "ixelles-cpas", "jette-cpas", Pending: true);
    private static readonly ReferralAccess AcceptedByHabitat = new("c1", "ixelles-cpas", "habitat-asbl", Pending: false);

    private static WebhookEvent Event(string type, string organisation, string? referral = null, string? consent = null, string? task = null, string caseId = "c1") =>
        new("e1", type, organisation, "p1", caseId, Now.AddMinutes(-5), referral, consent, task);

    public static TheoryData<string, string, ReferralAccess?, bool, bool, bool> Cases => new()
    {
        // type, receiving organisation, referral, task open, revoked, expected
        { WebhookEventTypes.ReferralReceived, "jette-cpas", PendingToJette, false, false, true },
        { WebhookEventTypes.ReferralReceived, "jette-cpas", PendingToJette, false, true, false }, // consent revoked before sending
        { WebhookEventTypes.ReferralReceived, "jette-cpas", PendingToJette with { Pending = false }, false, false, false }, // withdrawn meanwhile
        { WebhookEventTypes.ReferralWithdrawn, "jette-cpas", PendingToJette with { Pending = false }, false, false, true },
        { WebhookEventTypes.ReferralWithdrawn, "jette-cpas", PendingToJette with { Pending = false }, false, true, false },
        { WebhookEventTypes.ReferralExpired, "jette-cpas", PendingToJette with { Pending = false }, false, false, true },
        { WebhookEventTypes.ReferralExpired, "ixelles-cpas", PendingToJette with { Pending = false }, false, true, true }, // the lead still sees its case
        { WebhookEventTypes.ReferralAccepted, "ixelles-cpas", AcceptedByHabitat, false, false, true },
        { WebhookEventTypes.ReferralDeclined, "ixelles-cpas", PendingToJette with { Pending = false }, false, false, true },
        { WebhookEventTypes.ReferralAccepted, "commune-cpas", AcceptedByHabitat, false, false, false }, // neither side
        { WebhookEventTypes.ReferralReceived, "jette-cpas", null, false, false, false }, // the referral is gone (erased)
        { WebhookEventTypes.ConsentRevoked, "ixelles-cpas", null, false, true, true },
        { WebhookEventTypes.ConsentRevoked, "habitat-asbl", null, false, true, false },
        { WebhookEventTypes.ConsentExpiring, "ixelles-cpas", null, false, false, true },
        { WebhookEventTypes.ConsentExpiring, "commune-cpas", null, false, false, false },
        { WebhookEventTypes.TaskDue, "habitat-asbl", null, true, false, true },
        { WebhookEventTypes.TaskDue, "habitat-asbl", null, false, false, false }, // closed meanwhile
        { WebhookEventTypes.TaskDue, "habitat-asbl", null, true, true, false }, // no longer sees the case
        { WebhookEventTypes.CaseParticipationEnded, "habitat-asbl", null, false, true, true }, // tells only that it no longer sees it
        { WebhookEventTypes.CaseParticipationEnded, "habitat-asbl", null, false, false, false }, // it sees the case again: not so
        { WebhookEventTypes.ConsentRevoked, "habitat-asbl", null, false, false, true }, // named in the consent, sees the case
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void MayBeNotified_DecidesOnTheFileAsItIsWhenSent(string type, string organisation, ReferralAccess? referral, bool taskOpen, bool revoked, bool expected)
    {
        var notice = Event(type, organisation, referral: type.StartsWith("referral.", StringComparison.Ordinal) ? "r1" : null, consent: type.StartsWith("consent.", StringComparison.Ordinal) ? "k1" : null, task: type == WebhookEventTypes.TaskDue ? "t1" : null);
        Assert.Equal(expected, AccessPolicy.MayBeNotified(notice, Person(revoked), referral, taskOpen, Now));
    }

    [Fact]
    public void ConsentEvents_GoOnlyToTheRecorderAndTheOrganisationsTheConsentNames()
    {
        // commune-cpas leads a case of its own: it sees the person, but the consent is not its own nor names it.
        var person = Person() with { Cases = [.. Person().Cases, new CaseAccess("c2", "commune-cpas", [])] };
        Assert.False(AccessPolicy.MayBeNotified(Event(WebhookEventTypes.ConsentRevoked, "commune-cpas", consent: "k1", caseId: "c2"), person, null, false, Now));
        Assert.True(AccessPolicy.MayBeNotified(Event(WebhookEventTypes.ConsentRevoked, "ixelles-cpas", consent: "k1"), person, null, false, Now));
        Assert.False(AccessPolicy.MayBeNotified(Event(WebhookEventTypes.ConsentRevoked, "ixelles-cpas", consent: "k9"), person, null, false, Now)); // no such consent
        Assert.False(AccessPolicy.MayBeNotified(Event(WebhookEventTypes.ConsentExpiring, "ixelles-cpas", consent: "k1"), Person(revoked: true), null, false, Now)); // revoked since
    }

    [Fact]
    public void MayBeNotified_NothingAboutACaseThatIsNotThere_AndNoReferralOfAnotherCase()
    {
        Assert.False(AccessPolicy.MayBeNotified(Event(WebhookEventTypes.ConsentExpiring, "ixelles-cpas", caseId: "c9"), Person(), null, false, Now));
        Assert.False(AccessPolicy.MayBeNotified(Event(WebhookEventTypes.ReferralAccepted, "ixelles-cpas", referral: "r1"), Person(), AcceptedByHabitat with { CaseId = "c9" }, false, Now));
    }
}
