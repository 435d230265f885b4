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

    public static string Case(string caseId) => "case|" + caseId;

    public static string Consent(string consentId) => "consent|" + consentId;

    public static string Referral(string referralId) => "referral|" + referralId;

    public static string Outbox(string eventId) => "outbox|" + eventId;

    public static string IndexState(string caseId) => "index|" + caseId;

    public static string TimelinePrefix(string caseId) => $"{TimelineStart}{caseId}|";

    public static string Timeline(string caseId, DateTimeOffset at, string entryId) => TimelinePrefix(caseId) + InvertedTicks(at) + "|" + entryId;

    /// <summary>Sorts newest first: the log-tail pattern.</summary>
    public static string InvertedTicks(DateTimeOffset at) => Storage.TableKeys.InvertedTicks(at);
}
