namespace InclusionCases.Functions.PersonFile;

/// <summary>
/// RowKeys of the <c>Cases</c> table, whose PartitionKey is the person id. Prefixes sort so that
/// one range (<c>RowKey lt 'timeline|'</c>) reads the person, cases, consents and referrals without
/// the timelines, and one range per case reads its timeline newest first (inverted ticks).
/// </summary>
public static class CaseRows
{
    public const string Person = "person";
    public const string TimelineStart = "timeline|";

    /// <summary>The kinds of row, the RowKey's first segment.</summary>
    public const string CaseKind = "case";
    public const string ConsentKind = "consent";
    public const string ReferralKind = "referral";
    public const string OutboxKind = "outbox";
    public const string IndexKind = "index";
    public const string TaskKind = "task";
    public const string ReferenceAddress = "refaddress";
    public const string CheckInKind = "checkin";
    public const string LinkKind = "link";

    public static string Case(string caseId) => CaseKind + "|" + caseId;

    public static string Consent(string consentId) => ConsentKind + "|" + consentId;

    public static string Referral(string referralId) => ReferralKind + "|" + referralId;

    public static string Task(string taskId) => TaskKind + "|" + taskId;

    public static string CheckIn(string checkInId) => CheckInKind + "|" + checkInId;

    public static string Outbox(string eventId) => OutboxKind + "|" + eventId;

    public static string Link(string linkId) => LinkKind + "|" + linkId;

    public static string IndexState(string caseId) => IndexKind + "|" + caseId;

    /// <summary>The case id of an index-state row key.</summary>
    public static string CaseOfIndexState(string rowKey) => rowKey[(IndexKind.Length + 1)..];

    public static string TimelinePrefix(string caseId) => $"{TimelineStart}{caseId}|";

    public static string Timeline(string caseId, DateTimeOffset at, string entryId) => TimelinePrefix(caseId) + InvertedTicks(at) + "|" + entryId;

    /// <summary>Sorts newest first: the log-tail pattern.</summary>
    public static string InvertedTicks(DateTimeOffset at) => Storage.TableKeys.InvertedTicks(at);
}
