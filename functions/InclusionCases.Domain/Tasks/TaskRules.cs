using System.Globalization;
using InclusionCases.Domain.Cases;

namespace InclusionCases.Domain.Tasks;

/// <summary>
/// The Belgian rhythms of follow-up, as rules that derive tasks from a person's file. Each rule keeps
/// at most one open task per case and occurrence: a task is opened for an occurrence that has none
/// (in any status, so a done or cancelled one is never reopened), and an open task whose occurrence the
/// rule no longer wants is closed. Planning again on the result plans nothing, so the plan can be made
/// and applied any number of times, late or concurrently, and converges.
/// </summary>
public static class TaskRules
{
    /// <summary>Days ahead within which an open task is "due soon".</summary>
    public const int DueSoonDays = 7;

    /// <summary>A consent ending within this many days gets a task.</summary>
    public const int ConsentWarningDays = 30;

    /// <summary>A flagged street contact is followed up this many days after it.</summary>
    public const int ContactFollowUpDays = 7;

    /// <summary>A PIIS is evaluated every this many months from its signing.</summary>
    public const int PiisReviewMonths = 3;

    /// <summary>A Housing First tenant is visited every month from the move-in.</summary>
    public const int TenancyVisitMonths = 1;

    /// <summary>The title of a derived task: its kind in words, never anything about the person.</summary>
    public static string TitleOf(TaskKind kind) => kind switch
    {
        TaskKind.ReferenceAddressCheckIn => "Reference address check-in",
        TaskKind.PiisReview => "PIIS review",
        TaskKind.ConsentExpiry => "Consent ends soon: renew it or sharing stops",
        TaskKind.ContactFollowUp => "Follow up a street contact",
        TaskKind.TenancyVisit => "Tenancy visit",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A custom task has its own title."),
    };

    /// <summary>The changes that bring <paramref name="situation"/>'s tasks in line with the rules on <paramref name="today"/> (a Brussels date).</summary>
    public static TaskPlan Plan(TaskSituation situation, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(situation);
        var toOpen = new List<DerivedTask>();
        var toClose = new List<TaskClosure>();
        foreach (var c in situation.Cases)
        {
            var tasks = situation.Tasks.Where(t => t.CaseId == c.Id).ToList();
            if (c.Status == CaseStatus.Closed)
            {
                toClose.AddRange(tasks.Where(t => t.Status == FollowUpTaskStatus.Open).Select(t => new TaskClosure(t, FollowUpTaskStatus.Cancelled, TaskOutcomes.CaseClosed)));
                continue;
            }

            // An organisation that left the case can neither see nor close its tasks there any more.
            toClose.AddRange(tasks
                .Where(t => t.Status == FollowUpTaskStatus.Open && t.OrganisationId != c.LeadOrganisationId && !c.Participants.Contains(t.OrganisationId))
                .Select(t => new TaskClosure(t, FollowUpTaskStatus.Cancelled, TaskOutcomes.ParticipationEnded)));

            foreach (var (kind, wanted, closeAs, outcome) in Wanted(c, situation, tasks, today))
            {
                var ofKind = tasks.Where(t => t.Kind == kind).ToList();
                toOpen.AddRange(wanted.Where(w => ofKind.All(t => t.RuleKey != w.RuleKey)));
                toClose.AddRange(ofKind
                    .Where(t => t.Status == FollowUpTaskStatus.Open && wanted.All(w => w.RuleKey != t.RuleKey))
                    .Select(t => ClosureOf(t, wanted, closeAs, outcome)));
            }
        }

        return new TaskPlan(toOpen, toClose);
    }

    /// <summary>
    /// The first day after <paramref name="today"/> on which the plan can change with nothing else
    /// changing in the file, or <c>null</c> when only a change can change it. Only consents end with
    /// time alone: a task is due the day one enters its last <see cref="ConsentWarningDays"/> days, and
    /// closed the day after its last. Cycles need no date: their next occurrence opens when one closes.
    /// </summary>
    public static DateOnly? NextRecheck(TaskSituation situation, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(situation);
        var leads = situation.Cases.Where(c => c.Status != CaseStatus.Closed).Select(c => c.LeadOrganisationId).ToHashSet(StringComparer.Ordinal);
        return situation.Consents
            .Where(k => k.RevokedAt is null && leads.Contains(k.RecordedByOrganisationId))
            .SelectMany(k => new[] { k.ExpiresOn.AddDays(-ConsentWarningDays), k.ExpiresOn.AddDays(1) })
            .Where(day => day > today)
            .Select(day => (DateOnly?)day)
            .Min();
    }

    // Per derived kind: the occurrences wanted now, and how an open task no longer wanted is closed.
    private static IEnumerable<(TaskKind Kind, IReadOnlyList<DerivedTask> Wanted, FollowUpTaskStatus CloseAs, string Outcome)> Wanted(
        CaseFile c, TaskSituation situation, IReadOnlyList<FollowUpTask> tasks, DateOnly today)
    {
        var lead = c.LeadOrganisationId;
        DerivedTask Task(TaskKind kind, string key, DateOnly due) => new(c.Id, kind, key, due, lead);

        var address = situation.ReferenceAddress is { } a && a.OrganisationId == lead
            ? [Task(TaskKind.ReferenceAddressCheckIn, Key(a.NextCheckInDue), a.NextCheckInDue)]
            : Array.Empty<DerivedTask>();
        yield return (TaskKind.ReferenceAddressCheckIn, address, FollowUpTaskStatus.Done, TaskOutcomes.CheckedIn);

        DerivedTask Cycle(TaskKind kind, DateOnly start, int months)
        {
            var due = NextInCycle(start, months, tasks, kind, today);
            return Task(kind, Key(due), due);
        }

        var piis = c.Piis is { } signed
            ? [Cycle(TaskKind.PiisReview, signed.SignedOn, PiisReviewMonths)]
            : Array.Empty<DerivedTask>();
        yield return (TaskKind.PiisReview, piis, FollowUpTaskStatus.Cancelled, TaskOutcomes.Superseded);

        var consents = situation.Consents
            .Where(k => k.RecordedByOrganisationId == lead && k.RevokedAt is null && k.ExpiresOn >= today && k.ExpiresOn <= today.AddDays(ConsentWarningDays))
            .Select(k => Task(TaskKind.ConsentExpiry, k.Id, k.ExpiresOn))
            .ToList();
        yield return (TaskKind.ConsentExpiry, consents, FollowUpTaskStatus.Cancelled, TaskOutcomes.ConsentEnded);

        // Contacts from before the case was opened were followed up, or not, before it existed.
        var contacts = situation.FollowUps
            .Where(f => f.ObservedOn >= Time.PlausibleDates.DayOf(c.CreatedAt))
            .Concat(situation.Linked.SelectMany(named => named.FollowUps.Where(f => CarriesLinkedContact(c, named, f, situation))))
            .Select(f => Task(TaskKind.ContactFollowUp, f.ContactId, f.ObservedOn.AddDays(ContactFollowUpDays)))
            .ToList();
        yield return (TaskKind.ContactFollowUp, contacts, FollowUpTaskStatus.Cancelled, TaskOutcomes.Superseded);

        var visits = c.Status == CaseStatus.Housed && c.Housing?.MoveInDate is { } moveIn
            ? [Cycle(TaskKind.TenancyVisit, moveIn, TenancyVisitMonths)]
            : Array.Empty<DerivedTask>();
        yield return (TaskKind.TenancyVisit, visits, FollowUpTaskStatus.Cancelled, TaskOutcomes.NoLongerHoused);
    }

    /// <summary>
    /// Whether case <paramref name="c"/> follows up a contact that names another record of the person:
    /// only when its lead leads no open case of the record the contact names (which follows it up
    /// itself), has not followed it up already on any of the person's records, and this is the earliest
    /// open case it leads among the other records, so one contact is one task per organisation.
    /// </summary>
    private static bool CarriesLinkedContact(CaseFile c, LinkedRecord named, ContactFollowUp contact, TaskSituation situation)
    {
        var lead = c.LeadOrganisationId;
        bool Open(CaseFile other) => other.Status != CaseStatus.Closed && other.LeadOrganisationId == lead && Time.PlausibleDates.DayOf(other.CreatedAt) <= contact.ObservedOn;
        if (!Open(c) || named.Cases.Any(Open))
        {
            return false;
        }

        var followedUp = situation.Tasks.Concat(situation.Linked.SelectMany(r => r.Tasks)).Any(t =>
            t.Kind == TaskKind.ContactFollowUp && t.RuleKey == contact.ContactId && t.OrganisationId == lead && t.Status == FollowUpTaskStatus.Done && t.CaseId != c.Id);
        var carrier = situation.Cases.Concat(situation.Linked.Where(r => !ReferenceEquals(r, named)).SelectMany(r => r.Cases)).Where(Open)
            .OrderBy(other => other.CreatedAt).ThenBy(other => other.Id, StringComparer.Ordinal).First();
        return !followedUp && carrier.Id == c.Id;
    }

    // A check-in moves the due date later: the one that was due is done. A due date moved earlier (the
    // address corrected) did not come from a check-in: the old reminder is only replaced.
    private static TaskClosure ClosureOf(FollowUpTask task, IReadOnlyList<DerivedTask> wanted, FollowUpTaskStatus closeAs, string outcome) =>
        task.Kind == TaskKind.ReferenceAddressCheckIn && wanted.Any(w => w.DueOn <= task.DueOn)
            ? new TaskClosure(task, FollowUpTaskStatus.Cancelled, TaskOutcomes.Superseded)
            : new TaskClosure(task, closeAs, outcome);

    /// <summary>
    /// The occurrence of a cycle (every <paramref name="months"/> from <paramref name="start"/>) that is
    /// due: the open one while it is open and still on the cycle; else the first after the last one
    /// done or cancelled and after one cycle ago, so a late start leaves one task overdue, not a backlog.
    /// </summary>
    internal static DateOnly NextInCycle(DateOnly start, int months, IReadOnlyList<FollowUpTask> tasks, TaskKind kind, DateOnly today)
    {
        var ofKind = tasks.Where(t => t.Kind == kind).ToList();
        bool OnCycle(DateOnly date) => Enumerable.Range(1, 1200).Select(k => start.AddMonths(months * k)).TakeWhile(d => d <= date).Contains(date);
        if (ofKind.FirstOrDefault(t => t.Status == FollowUpTaskStatus.Open && Parse(t.RuleKey) is { } open && OnCycle(open)) is { } current)
        {
            return Parse(current.RuleKey)!.Value;
        }

        var floor = today.AddMonths(-months);
        foreach (var closed in ofKind.Where(t => t.Status != FollowUpTaskStatus.Open).Select(t => Parse(t.RuleKey)).OfType<DateOnly>())
        {
            floor = closed > floor ? closed : floor;
        }

        for (var k = 1; ; k++)
        {
            var due = start.AddMonths(months * k);
            if (due > floor)
            {
                return due;
            }
        }
    }

    private static string Key(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? Parse(string? key) =>
        DateOnly.TryParseExact(key, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
