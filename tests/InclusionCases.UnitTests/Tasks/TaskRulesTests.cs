using InclusionCases.Domain.Cases;
using InclusionCases.Domain.Consents;
using InclusionCases.Domain.Tasks;

namespace InclusionCases.UnitTests.Tasks;

/// <summary>The follow-up rules: which derived tasks a person's file wants, and that planning again after applying a plan plans nothing.</summary>
public sealed class TaskRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ReferenceAddress_OneCheckInTask_OnTheHoldingCpassOpenCase_DueThreeCalendarMonthsAfterTheLast()
    {
        var situation = Situation([Case("c1", "ixelles-cpas"), Case("c2", "habitat-asbl")]) with
        {
            ReferenceAddress = new ReferenceAddress("ixelles-cpas", new DateOnly(2026, 1, 10), new DateOnly(2026, 11, 30)),
        };

        var plan = TaskRules.Plan(situation, Today);

        var task = Assert.Single(plan.ToOpen);
        Assert.Equal(("c1", TaskKind.ReferenceAddressCheckIn, new DateOnly(2027, 2, 28), "ixelles-cpas"), (task.CaseId, task.Kind, task.DueOn, task.OrganisationId));
        Assert.True(TaskRules.Plan(Applied(situation, plan), Today).IsEmpty);
    }

    [Fact]
    public void ACheckIn_CompletesTheDueCheckIn_AndOpensTheNext()
    {
        var address = new ReferenceAddress("ixelles-cpas", new DateOnly(2026, 1, 10), new DateOnly(2026, 10, 1));
        var before = Settled(Situation([Case("c1", "ixelles-cpas")]) with { ReferenceAddress = address });

        var plan = TaskRules.Plan(before with { ReferenceAddress = address.CheckIn(new DateOnly(2026, 11, 20)) }, Today);

        Assert.Equal(new DateOnly(2027, 2, 20), Assert.Single(plan.ToOpen).DueOn);
        var closed = Assert.Single(plan.ToClose);
        Assert.Equal((new DateOnly(2027, 1, 1), FollowUpTaskStatus.Done, TaskOutcomes.CheckedIn), (closed.Task.DueOn, closed.Status, closed.Outcome));
    }

    [Fact]
    public void ADueDateMovedEarlier_ReplacesTheReminder_WithoutCallingItACheckIn()
    {
        var address = new ReferenceAddress("ixelles-cpas", new DateOnly(2026, 1, 10), new DateOnly(2026, 10, 1));
        var before = Settled(Situation([Case("c1", "ixelles-cpas")]) with { ReferenceAddress = address });

        var plan = TaskRules.Plan(before with { ReferenceAddress = address with { LastCheckIn = new DateOnly(2026, 9, 1) } }, Today);

        var closed = Assert.Single(plan.ToClose);
        Assert.Equal((FollowUpTaskStatus.Cancelled, TaskOutcomes.Superseded), (closed.Status, closed.Outcome));
    }

    [Theory]
    [InlineData("2026-11-27", false)]
    [InlineData("2026-01-09", false)]
    [InlineData("2026-09-30", false)]
    [InlineData("2026-10-01", true)]
    [InlineData("2026-11-26", true)]
    public void CheckIn_NotInTheFuture_NorBeforeSinceOrTheLastCheckIn(string on, bool accepted)
    {
        var address = new ReferenceAddress("ixelles-cpas", new DateOnly(2026, 1, 10), new DateOnly(2026, 10, 1));

        Assert.Equal(accepted, address.CheckInProblem(DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture), Today) is null);
    }

    [Fact]
    public void Piis_ReviewedEveryThreeMonthsFromSigning_TheNextOpensWhenOneIsDone()
    {
        var situation = Situation([Case("c1", "ixelles-cpas") with { Piis = new Piis(new DateOnly(2026, 10, 1)) }]);

        var first = Settled(situation);
        var review = Assert.Single(first.Tasks);
        Assert.Equal(new DateOnly(2027, 1, 1), review.DueOn);

        var done = first with { Tasks = [review with { Status = FollowUpTaskStatus.Done }] };
        Assert.Equal(new DateOnly(2027, 4, 1), Assert.Single(TaskRules.Plan(done, new DateOnly(2027, 1, 2)).ToOpen).DueOn);
    }

    [Fact]
    public void Piis_SignedLongAgo_LeavesOneOverdueReview_NotABacklog()
    {
        var situation = Situation([Case("c1", "ixelles-cpas") with { Piis = new Piis(new DateOnly(2024, 3, 15)) }]);

        var review = Assert.Single(TaskRules.Plan(situation, Today).ToOpen);

        // The review of 2026-09-15 is the one missed; those before it are not owed any more.
        Assert.Equal(new DateOnly(2026, 9, 15), review.DueOn);
    }

    [Theory]
    [InlineData(10, 1)]
    [InlineData(30, 1)]
    [InlineData(31, 0)]
    public void Consent_EndingWithin30Days_GetsOneTaskForTheOrganisationThatRecordedIt(int daysLeft, int tasks)
    {
        var situation = Situation([Case("c1", "ixelles-cpas")]) with { Consents = [Consent("k1", Today.AddDays(daysLeft))] };

        var plan = TaskRules.Plan(situation, Today);

        Assert.Equal(tasks, plan.ToOpen.Count(t => t.Kind == TaskKind.ConsentExpiry && t.RuleKey == "k1"));
    }

    [Fact]
    public void Consent_Ended_ClosesItsOpenTask()
    {
        var settled = Settled(Situation([Case("c1", "ixelles-cpas")]) with { Consents = [Consent("k1", Today.AddDays(10))] });

        var plan = TaskRules.Plan(settled, Today.AddDays(11));

        var closed = Assert.Single(plan.ToClose);
        Assert.Equal((TaskKind.ConsentExpiry, FollowUpTaskStatus.Cancelled, TaskOutcomes.ConsentEnded), (closed.Task.Kind, closed.Status, closed.Outcome));
        Assert.Empty(plan.ToOpen);
    }

    [Fact]
    public void Housed_VisitedMonthly_AndNoMoreOnceNotHoused()
    {
        var housed = Case("c1", "ixelles-cpas") with { Status = CaseStatus.Housed, Housing = new Housing(new DateOnly(2026, 11, 3), TenancyStatus.LeaseSigned) };
        var settled = Settled(Situation([housed]));
        Assert.Equal(new DateOnly(2026, 12, 3), Assert.Single(settled.Tasks).DueOn);

        var plan = TaskRules.Plan(settled with { Cases = [housed with { Status = CaseStatus.Active }] }, Today);

        Assert.Equal(TaskOutcomes.NoLongerHoused, Assert.Single(plan.ToClose).Outcome);
    }

    [Fact]
    public void FlaggedContact_IsFollowedUpAWeekLater_Once()
    {
        var situation = Situation([Case("c1", "ixelles-cpas") with { CreatedAt = Now.AddDays(-30) }]) with { FollowUps = [new ContactFollowUp("3f2b8c1e-6a0d-4c4e-9a57-0d8c2b9f1e11", new DateOnly(2026, 11, 25))] };

        var settled = Settled(situation);
        var done = settled with { Tasks = [.. settled.Tasks.Select(t => t with { Status = FollowUpTaskStatus.Done })] };

        Assert.Equal(new DateOnly(2026, 12, 2), Assert.Single(settled.Tasks).DueOn);
        Assert.True(TaskRules.Plan(done, Today).IsEmpty);
    }

    [Fact]
    public void AContactFromBeforeTheCaseWasOpened_GivesItNoTask()
    {
        var situation = Situation([Case("c1", "ixelles-cpas")]) with { FollowUps = [new ContactFollowUp("3f2b8c1e-6a0d-4c4e-9a57-0d8c2b9f1e11", Today.AddDays(-1))] };

        Assert.True(TaskRules.Plan(situation, Today).IsEmpty);
    }

    [Fact]
    public void AnOrganisationThatLeftTheCase_HasItsOpenTasksThereCancelled()
    {
        var task = new FollowUpTask("t1", "c1", TaskKind.Custom, null, "Call the landlord", Today.AddDays(5), FollowUpTaskStatus.Open, "habitat-asbl", null, null, Now, null);
        var taking = Situation([Case("c1", "ixelles-cpas") with { Participants = ["habitat-asbl"] }]) with { Tasks = [task] };
        var left = taking with { Cases = [Case("c1", "ixelles-cpas")] };

        Assert.True(TaskRules.Plan(taking, Today).IsEmpty);
        var closure = Assert.Single(TaskRules.Plan(left, Today).ToClose);
        Assert.Equal(("t1", FollowUpTaskStatus.Cancelled, TaskOutcomes.ParticipationEnded), (closure.Task.Id, closure.Status, closure.Outcome));
    }

    [Fact]
    public void ClosingTheCase_CancelsEveryOpenTask_CustomOnesToo_AndOpensNone()
    {
        var settled = Settled(Situation([Case("c1", "ixelles-cpas")]) with { Consents = [Consent("k1", Today.AddDays(5))] });
        var custom = new FollowUpTask("t-custom", "c1", TaskKind.Custom, null, "Call the landlord", Today.AddDays(3), FollowUpTaskStatus.Open, "ixelles-cpas", null, null, Now, null);
        var closedCase = settled with { Cases = [settled.Cases[0] with { Status = CaseStatus.Closed }], Tasks = [.. settled.Tasks, custom] };

        var plan = TaskRules.Plan(closedCase, Today);

        Assert.Empty(plan.ToOpen);
        Assert.Equal(2, plan.ToClose.Count);
        Assert.All(plan.ToClose, c => Assert.Equal((FollowUpTaskStatus.Cancelled, TaskOutcomes.CaseClosed), (c.Status, c.Outcome)));
    }

    [Theory]
    [InlineData(45, 15)]
    [InlineData(30, 31)]
    [InlineData(10, 11)]
    [InlineData(0, 1)]
    [InlineData(-1, null)]
    public void NextRecheck_IsTheDayAConsentEntersItsLast30Days_OrTheDayAfterItEnds(int daysLeft, int? recheckIn)
    {
        var situation = Situation([Case("c1", "ixelles-cpas")]) with { Consents = [Consent("k1", Today.AddDays(daysLeft))] };

        Assert.Equal(recheckIn is { } days ? Today.AddDays(days) : null, TaskRules.NextRecheck(situation, Today));
    }

    [Fact]
    public void NextRecheck_IgnoresRevokedConsents_AndThoseOfNoOpenCasesLead()
    {
        var revoked = Consent("k1", Today.AddDays(10)) with { RevokedAt = Now };
        var closed = Case("c1", "ixelles-cpas") with { Status = CaseStatus.Closed };

        Assert.Null(TaskRules.NextRecheck(Situation([Case("c1", "ixelles-cpas")]) with { Consents = [revoked] }, Today));
        Assert.Null(TaskRules.NextRecheck(Situation([Case("c1", "habitat-asbl")]) with { Consents = [Consent("k1", Today.AddDays(10))] }, Today));
        Assert.Null(TaskRules.NextRecheck(Situation([closed]) with { Consents = [Consent("k1", Today.AddDays(10))] }, Today));
    }

    [Fact]
    public void AnySituation_Settled_ChangesOnlyOnItsNextRecheck()
    {
        var random = new Random(20261127);
        for (var run = 0; run < 200; run++)
        {
            var situation = Situation([Case("c1", "ixelles-cpas")]) with { Consents = [Consent("k1", Today.AddDays(random.Next(-5, 90)))] };
            var settled = Settled(situation);
            var recheck = TaskRules.NextRecheck(settled, Today);

            // Every day before the recheck plans nothing; the recheck day plans something.
            var last = recheck ?? Today.AddDays(120);
            for (var day = Today.AddDays(1); day < last; day = day.AddDays(1))
            {
                Assert.True(TaskRules.Plan(settled, day).IsEmpty, $"run {run}, {day}");
            }

            if (recheck is { } due)
            {
                Assert.False(TaskRules.Plan(settled, due).IsEmpty, $"run {run}, recheck {due}");
            }
        }
    }

    [Fact]
    public void AnySituation_AppliedOnce_PlansNothingMore()
    {
        var random = new Random(20261126);
        for (var run = 0; run < 300; run++)
        {
            var today = Today.AddDays(random.Next(-400, 400));
            var status = (CaseStatus)random.Next(4);
            var c = Case("c1", "ixelles-cpas") with
            {
                Status = status,
                Housing = random.Next(2) == 0 ? null : new Housing(today.AddDays(-random.Next(0, 900)), null),
                Piis = random.Next(2) == 0 ? null : new Piis(today.AddDays(-random.Next(0, 900))),
            };
            var situation = Situation([c]) with
            {
                ReferenceAddress = random.Next(2) == 0 ? null : new ReferenceAddress("ixelles-cpas", today.AddDays(-500), today.AddDays(-random.Next(0, 200))),
                Consents = [Consent("k1", today.AddDays(random.Next(-5, 60)))],
                FollowUps = random.Next(2) == 0 ? [] : [new ContactFollowUp("0f8fad5b-d9cb-469f-a165-70867728950e", today.AddDays(-random.Next(0, 30)))],
            };

            var settled = Applied(situation, TaskRules.Plan(situation, today));

            Assert.True(TaskRules.Plan(settled, today).IsEmpty, $"run {run}");
            Assert.All(settled.Tasks.Where(t => t.Status == FollowUpTaskStatus.Open).GroupBy(t => (t.CaseId, t.Kind, t.RuleKey)), g => Assert.Single(g));
        }
    }

    [Fact]
    public void AContactNamingALinkedRecord_IsFollowedUpOnTheCaseOfThisRecord_OncePerOrganisation()
    {
        var named = new LinkedRecord([Case("b1", "habitat-asbl") with { CreatedAt = Now.AddDays(-30) }], [], [new ContactFollowUp("3f2b8c1e-6a0d-4c4e-9a57-0d8c2b9f1e11", new DateOnly(2026, 11, 25))]);
        var situation = Situation([Case("a1", "ixelles-cpas") with { CreatedAt = Now.AddDays(-30) }, Case("a2", "ixelles-cpas") with { CreatedAt = Now.AddDays(-10) }]) with { Linked = [named] };

        var settled = Settled(situation);

        var task = Assert.Single(settled.Tasks);
        Assert.Equal(("a1", TaskKind.ContactFollowUp, "ixelles-cpas", new DateOnly(2026, 12, 2)), (task.CaseId, task.Kind, task.OrganisationId, task.DueOn));
        Assert.True(TaskRules.Plan(settled, Today).IsEmpty);
    }

    [Fact]
    public void AContactNamingALinkedRecord_WhereTheSameOrganisationLeadsACase_IsFollowedUpThereOnly()
    {
        var named = new LinkedRecord([Case("b1", "ixelles-cpas") with { CreatedAt = Now.AddDays(-30) }], [], [new ContactFollowUp("3f2b8c1e-6a0d-4c4e-9a57-0d8c2b9f1e11", new DateOnly(2026, 11, 25))]);
        var situation = Situation([Case("a1", "ixelles-cpas") with { CreatedAt = Now.AddDays(-60) }]) with { Linked = [named] };

        Assert.True(TaskRules.Plan(situation, Today).IsEmpty);
    }

    [Fact]
    public void AContactFollowedUpOnAnotherRecord_IsNotFollowedUpAgain_WhenThatCaseCloses()
    {
        const string contactId = "3f2b8c1e-6a0d-4c4e-9a57-0d8c2b9f1e11";
        var done = new FollowUpTask("t1", "b1", TaskKind.ContactFollowUp, contactId, TaskRules.TitleOf(TaskKind.ContactFollowUp), Today.AddDays(6), FollowUpTaskStatus.Done, "ixelles-cpas", null, null, Now, null);
        var named = new LinkedRecord([Case("b1", "ixelles-cpas") with { CreatedAt = Now.AddDays(-30), Status = CaseStatus.Closed }], [done], [new ContactFollowUp(contactId, new DateOnly(2026, 11, 25))]);
        var situation = Situation([Case("a1", "ixelles-cpas") with { CreatedAt = Now.AddDays(-60) }]) with { Linked = [named] };

        Assert.True(TaskRules.Plan(situation, Today).IsEmpty);
    }

    [Fact]
    public void AContactNamingALinkedRecord_IsCarriedByTheEarliestCaseAmongTheOtherRecords()
    {
        var contact = new ContactFollowUp("3f2b8c1e-6a0d-4c4e-9a57-0d8c2b9f1e11", new DateOnly(2026, 11, 25));
        var named = new LinkedRecord([], [], [contact]);
        var older = new LinkedRecord([Case("c1", "ixelles-cpas") with { CreatedAt = Now.AddDays(-90) }], [], []);
        var situation = Situation([Case("a1", "ixelles-cpas") with { CreatedAt = Now.AddDays(-30) }]) with { Linked = [named, older] };

        Assert.True(TaskRules.Plan(situation, Today).IsEmpty);
        var fromTheOlder = Situation(older.Cases) with { Linked = [named, new LinkedRecord(situation.Cases, [], [])] };
        Assert.Equal("c1", Assert.Single(TaskRules.Plan(fromTheOlder, Today).ToOpen).CaseId);
    }

    [Fact]
    public void ASplit_CancelsTheFollowUpOfTheOtherRecordsContact()
    {
        var named = new LinkedRecord([], [], [new ContactFollowUp("3f2b8c1e-6a0d-4c4e-9a57-0d8c2b9f1e11", new DateOnly(2026, 11, 25))]);
        var linked = Settled(Situation([Case("a1", "ixelles-cpas") with { CreatedAt = Now.AddDays(-30) }]) with { Linked = [named] });

        var plan = TaskRules.Plan(linked with { Linked = [] }, Today);

        var closed = Assert.Single(plan.ToClose);
        Assert.Equal((TaskKind.ContactFollowUp, FollowUpTaskStatus.Cancelled, TaskOutcomes.Superseded), (closed.Task.Kind, closed.Status, closed.Outcome));
    }

    private static TaskSituation Settled(TaskSituation situation) => Applied(situation, TaskRules.Plan(situation, Today));

    // What storage does with a plan: opened tasks get an id, closed ones their status and outcome.
    private static TaskSituation Applied(TaskSituation situation, TaskPlan plan)
    {
        var closed = plan.ToClose.ToDictionary(c => c.Task.Id, c => c);
        var kept = situation.Tasks.Select(t => closed.TryGetValue(t.Id, out var c) ? t with { Status = c.Status, Outcome = c.Outcome } : t);
        var opened = plan.ToOpen.Select(d => new FollowUpTask($"t-{d.CaseId}-{d.Kind}-{d.RuleKey}", d.CaseId, d.Kind, d.RuleKey, TaskRules.TitleOf(d.Kind), d.DueOn, FollowUpTaskStatus.Open, d.OrganisationId, null, null, Now, null));
        return situation with { Tasks = [.. kept, .. opened] };
    }

    private static TaskSituation Situation(IReadOnlyList<CaseFile> cases) => new(cases, null, [], [], []);

    private static CaseFile Case(string id, string lead) =>
        new(id, "paaaaaaaaaaaaaaaa", CaseType.HousingFirst, CaseStatus.Active, lead, [], null, null, null, null, Now, Now, 1);

    private static Consent Consent(string id, DateOnly expiresOn) =>
        new(id, "paaaaaaaaaaaaaaaa", ["habitat-asbl"], new HashSet<ConsentScope> { ConsentScope.Case }, expiresOn, "Signed form", "sophie", "ixelles-cpas", Now, null);
}
