using System.Text.RegularExpressions;
using InclusionCases.Domain.Tasks;

namespace InclusionCases.Functions.PersonFile;

/// <summary>
/// Ids of persons and of what belongs to them. Everything about one person lives in one partition
/// of the <c>Cases</c> table, and the ids of their cases, referrals and tasks start with the person
/// id, so any of them is found with a single-partition read. Ids are random (unguessable) lowercase
/// base32, except a derived task's, a digest of its case, rule and occurrence (so it is written once);
/// knowing it gives nothing, since reading the task needs the right to read its case. Partners treat
/// ids as opaque strings.
/// </summary>
public static partial class RecordIds
{
    public static string NewPersonId() => "p" + Random(16);

    public static string NewCaseId(string personId) => personId + "-c" + Random(10);

    public static string NewReferralId(string personId) => personId + "-r" + Random(10);

    public static string NewConsentId() => "k" + Random(12);

    /// <summary>A task written by a worker: random, under its person like a case.</summary>
    public static string NewTaskId(string personId) => personId + "-t" + Random(10);

    /// <summary>
    /// A derived task's id: the same for the same case, rule and occurrence, so two runs of the rules
    /// (a redelivered message, two instances at once) write the one row, never two tasks.
    /// </summary>
    public static string DerivedTaskId(string personId, string caseId, TaskKind kind, string ruleKey) =>
        personId + "-t" + Storage.EntryIds.Digest($"{caseId}|{kind}|{ruleKey}", 10);

    public static string NewEntryId() => Storage.EntryIds.New();

    /// <summary>A webhook event's id (its <c>webhook-id</c>): newest first in a delivery log, then random.</summary>
    public static string NewEventId(DateTimeOffset at) => "e" + Storage.TableKeys.InvertedTicks(at) + Random(8);

    /// <summary>An event id that is the same whenever it is made from the same time and <paramref name="basis"/>, for an event derived again by a run repeated.</summary>
    public static string DerivedEventId(DateTimeOffset at, string basis) => "e" + Storage.TableKeys.InvertedTicks(at) + Storage.EntryIds.Digest(basis, 8);

    public static bool IsEventId(string? value) => value is not null && EventId().IsMatch(value);

    public static bool IsPersonId(string? value) => Domain.Persons.PersonIds.IsValid(value);

    public static bool IsConsentId(string? value) => value is not null && ConsentId().IsMatch(value);

    /// <summary>The person of a case id, or null when <paramref name="caseId"/> is not a case id.</summary>
    public static string? PersonOfCase(string? caseId) => caseId is not null && CaseId().Match(caseId) is { Success: true } m ? m.Groups["person"].Value : null;

    /// <summary>The person of a referral id, or null when <paramref name="referralId"/> is not a referral id.</summary>
    public static string? PersonOfReferral(string? referralId) => referralId is not null && ReferralId().Match(referralId) is { Success: true } m ? m.Groups["person"].Value : null;

    /// <summary>The person of a task id, or null when <paramref name="taskId"/> is not a task id.</summary>
    public static string? PersonOfTask(string? taskId) => taskId is not null && TaskId().Match(taskId) is { Success: true } m ? m.Groups["person"].Value : null;

    private static string Random(int length) => Storage.EntryIds.Random(length);

    [GeneratedRegex(@"^(?<person>p[a-z2-7]{16})-c[a-z2-7]{10}\z")]
    private static partial Regex CaseId();

    [GeneratedRegex(@"^(?<person>p[a-z2-7]{16})-r[a-z2-7]{10}\z")]
    private static partial Regex ReferralId();

    [GeneratedRegex(@"^(?<person>p[a-z2-7]{16})-t[a-z2-7]{10}\z")]
    private static partial Regex TaskId();

    [GeneratedRegex(@"^e[0-9]{19}[a-z2-7]{8}\z")]
    private static partial Regex EventId();

    [GeneratedRegex(@"^k[a-z2-7]{12}\z")]
    private static partial Regex ConsentId();
}
