using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using InclusionCases.Domain.Cases;
using InclusionCases.Domain.Consents;
using InclusionCases.Domain.Persons;
using InclusionCases.Domain.Referrals;
using InclusionCases.Domain.Tasks;
using InclusionCases.Domain.Webhooks;
using InclusionCases.Functions.Audit;

namespace InclusionCases.Functions.PersonFile;

/// <summary>Maps the domain records to and from <see cref="TableEntity"/> rows of the <c>Cases</c> table.</summary>
internal static class CaseEntities
{
    private const string DateFormat = "yyyy-MM-dd";

    private static readonly JsonSerializerOptions CompactEvents = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    public static TableEntity ToEntity(Person person, DateTimeOffset createdAt, DateTimeOffset updatedAt) => new(person.Id, CaseRows.Person)
    {
        ["DisplayName"] = person.DisplayName,
        ["BirthYear"] = person.BirthYear,
        ["Gender"] = person.Gender?.ToString(),
        ["Languages"] = JsonSerializer.Serialize(person.Languages),
        ["Sensitive"] = person.Sensitive is null ? null : JsonSerializer.Serialize(person.Sensitive),
        ["IdentifierHashes"] = person.IdentifierHashes.Count == 0 ? null : JsonSerializer.Serialize(person.IdentifierHashes),
        ["ErasedAt"] = person.ErasedAt,
        ["CreatedAt"] = createdAt,
        ["UpdatedAt"] = updatedAt,
    };

    public static Person ToPerson(TableEntity e) => new(
        e.PartitionKey,
        e.GetString("DisplayName"),
        e.GetInt32("BirthYear"),
        Enum<Gender>(e.GetString("Gender")),
        JsonSerializer.Deserialize<string[]>(e.GetString("Languages") ?? "[]") ?? [],
        e.GetString("Sensitive") is { } sensitive ? JsonSerializer.Deserialize<SensitiveData>(sensitive) : null,
        e.GetDateTimeOffset("ErasedAt"))
    {
        IdentifierHashes = JsonSerializer.Deserialize<string[]>(e.GetString("IdentifierHashes") ?? "[]") ?? [],
    };

    public static TableEntity ToEntity(CaseFile c) => new(c.PersonId, CaseRows.Case(c.Id))
    {
        ["CaseId"] = c.Id,
        ["Type"] = c.Type.ToString(),
        ["Status"] = c.Status.ToString(),
        ["LeadOrganisationId"] = c.LeadOrganisationId,
        ["Participants"] = JsonSerializer.Serialize(c.Participants),
        ["AssignedWorkerId"] = c.AssignedWorkerId,
        ["MoveInDate"] = Date(c.Housing?.MoveInDate),
        ["TenancyStatus"] = c.Housing?.TenancyStatus?.ToString(),
        ["ClosureReason"] = c.Closure?.Reason?.ToString(),
        ["ClosureDate"] = Date(c.Closure?.Date),
        ["PiisSignedOn"] = Date(c.Piis?.SignedOn),
        ["CreatedAt"] = c.CreatedAt,
        ["UpdatedAt"] = c.UpdatedAt,
        ["Version"] = c.Version,
    };

    public static CaseFile ToCase(TableEntity e)
    {
        var moveIn = Date(e.GetString("MoveInDate"));
        var tenancy = Enum<TenancyStatus>(e.GetString("TenancyStatus"));
        var reason = Enum<ClosureReason>(e.GetString("ClosureReason"));
        var closedOn = Date(e.GetString("ClosureDate"));
        return new CaseFile(
            e.GetString("CaseId"),
            e.PartitionKey,
            Enum<CaseType>(e.GetString("Type"))!.Value,
            Enum<CaseStatus>(e.GetString("Status"))!.Value,
            e.GetString("LeadOrganisationId"),
            JsonSerializer.Deserialize<string[]>(e.GetString("Participants") ?? "[]") ?? [],
            e.GetString("AssignedWorkerId"),
            moveIn is null && tenancy is null ? null : new Housing(moveIn, tenancy),
            reason is null && closedOn is null ? null : new Closure(reason, closedOn),
            Date(e.GetString("PiisSignedOn")) is { } piisSignedOn ? new Piis(piisSignedOn) : null,
            e.GetDateTimeOffset("CreatedAt")!.Value,
            e.GetDateTimeOffset("UpdatedAt")!.Value,
            e.GetInt64("Version")!.Value);
    }

    public static TableEntity ToEntity(Consent c) => new(c.PersonId, CaseRows.Consent(c.Id))
    {
        ["ConsentId"] = c.Id,
        ["OrganisationIds"] = JsonSerializer.Serialize(c.OrganisationIds),
        ["Scope"] = JsonSerializer.Serialize(c.Scope.Select(s => s.ToString())),
        ["ExpiresOn"] = Date(c.ExpiresOn),
        ["Evidence"] = c.Evidence,
        ["RecordedBy"] = c.RecordedBy,
        ["RecordedByOrganisationId"] = c.RecordedByOrganisationId,
        ["RecordedAt"] = c.RecordedAt,
        ["RevokedAt"] = c.RevokedAt,
    };

    public static Consent ToConsent(TableEntity e) => new(
        e.GetString("ConsentId"),
        e.PartitionKey,
        JsonSerializer.Deserialize<string[]>(e.GetString("OrganisationIds")) ?? [],
        (JsonSerializer.Deserialize<string[]>(e.GetString("Scope")) ?? []).Select(s => Enum<ConsentScope>(s)!.Value).ToHashSet(),
        Date(e.GetString("ExpiresOn"))!.Value,
        e.GetString("Evidence"),
        e.GetString("RecordedBy"),
        e.GetString("RecordedByOrganisationId"),
        e.GetDateTimeOffset("RecordedAt")!.Value,
        e.GetDateTimeOffset("RevokedAt"));

    public static TableEntity ToEntity(Referral r, string personId) => new(personId, CaseRows.Referral(r.Id))
    {
        ["ReferralId"] = r.Id,
        ["CaseId"] = r.CaseId,
        ["FromOrganisationId"] = r.FromOrganisationId,
        ["ToOrganisationId"] = r.ToOrganisationId,
        ["Reason"] = r.Reason,
        ["Status"] = r.Status.ToString(),
        ["CreatedBy"] = r.CreatedBy,
        ["CreatedAt"] = r.CreatedAt,
        ["DecidedAt"] = r.DecidedAt,
        ["DeclineReason"] = r.DeclineReason?.ToString(),
        ["Note"] = r.Note,
        ["Outcome"] = r.Outcome,
        ["ClosedAt"] = r.ClosedAt,
    };

    public static Referral ToReferral(TableEntity e) => new(
        e.GetString("ReferralId"),
        e.GetString("CaseId"),
        e.GetString("FromOrganisationId"),
        e.GetString("ToOrganisationId"),
        e.GetString("Reason"),
        Enum<ReferralStatus>(e.GetString("Status"))!.Value,
        e.GetString("CreatedBy"),
        e.GetDateTimeOffset("CreatedAt")!.Value,
        e.GetDateTimeOffset("DecidedAt"),
        Enum<DeclineReason>(e.GetString("DeclineReason")),
        e.GetString("Note"),
        e.GetString("Outcome"),
        e.GetDateTimeOffset("ClosedAt"));

    public static TableEntity ToEntity(TimelineEntry t, string personId) => new(personId, CaseRows.Timeline(t.CaseId, t.At, t.Id))
    {
        ["EntryId"] = t.Id,
        ["CaseId"] = t.CaseId,
        ["Kind"] = t.Kind.ToString(),
        ["At"] = t.At,
        ["ActorId"] = t.ActorId,
        ["ActorOrganisationId"] = t.ActorOrganisationId,
        ["OrganisationOnly"] = t.OrganisationOnly,
        ["Text"] = t.Text,
        ["Detail"] = t.Detail is null ? null : JsonSerializer.Serialize(t.Detail),
    };

    public static TimelineEntry ToTimelineEntry(TableEntity e) => new(
        e.GetString("EntryId"),
        e.GetString("CaseId"),
        Enum<TimelineKind>(e.GetString("Kind"))!.Value,
        e.GetDateTimeOffset("At")!.Value,
        e.GetString("ActorId"),
        e.GetString("ActorOrganisationId"),
        e.GetBoolean("OrganisationOnly") ?? false,
        e.GetString("Text"),
        e.GetString("Detail") is { } detail ? JsonSerializer.Deserialize<Dictionary<string, string>>(detail) : null);

    public static TableEntity Outbox(string personId, string eventId, string kind, DateTimeOffset at, AuditEntry? audit = null, IReadOnlyList<WebhookEvent>? events = null)
    {
        var row = new TableEntity(personId, CaseRows.Outbox(eventId))
        {
            ["Kind"] = kind,
            ["CreatedAt"] = at,
        };
        if (events is { Count: > 0 })
        {
            // Ids and types only (see WebhookEvent); the projector hands them to the webhook fan-out. About 200
            // characters an event, so a row's 64 KiB string holds well over a hundred.
            row["Events"] = JsonSerializer.Serialize(events, CompactEvents);
        }

        if (audit is not null)
        {
            // Ids and action names only, like every audit entry; the projector writes it to the Audit table.
            row["AuditId"] = audit.Id;
            row["AuditAt"] = audit.At;
            row["AuditActorId"] = audit.ActorId;
            row["AuditOrganisationId"] = audit.OrganisationId;
            row["AuditAction"] = audit.Action.Name;
            row["AuditResource"] = audit.Resource;
            row["AuditPersonId"] = audit.PersonId;
        }

        return row;
    }

    /// <summary>The webhook events an outbox row carries.</summary>
    public static IReadOnlyList<WebhookEvent> ToOutboxEvents(TableEntity e) =>
        e.GetString("Events") is { } json ? JsonSerializer.Deserialize<WebhookEvent[]>(json) ?? [] : [];

    /// <summary>The audit entry an outbox row carries, if any.</summary>
    public static AuditEntry? ToOutboxAudit(TableEntity e) => e.GetString("AuditId") is { } id
        ? new AuditEntry(id, e.GetDateTimeOffset("AuditAt")!.Value, e.GetString("AuditActorId"), e.GetString("AuditOrganisationId"), AuditAction.FromName(e.GetString("AuditAction")), e.GetString("AuditResource"), e.GetString("AuditPersonId"), AuditOutcome.Allowed)
        : null;

    public static TableEntity ToEntity(PersonLink link) => new(link.PersonId, CaseRows.Link(link.Id))
    {
        ["LinkId"] = link.Id,
        ["OtherPersonId"] = link.OtherPersonId,
        ["Evidence"] = link.Evidence,
        ["CreatedBy"] = link.CreatedBy,
        ["CreatedByOrganisationId"] = link.CreatedByOrganisationId,
        ["CreatedAt"] = link.CreatedAt,
        ["SplitAt"] = link.SplitAt,
        ["SplitBy"] = link.SplitBy,
    };

    public static PersonLink ToLink(TableEntity e) => new(
        e.GetString("LinkId"),
        e.PartitionKey,
        e.GetString("OtherPersonId"),
        e.GetString("Evidence"),
        e.GetString("CreatedBy"),
        e.GetString("CreatedByOrganisationId"),
        e.GetDateTimeOffset("CreatedAt")!.Value,
        e.GetDateTimeOffset("SplitAt"),
        e.GetString("SplitBy"));

    public static TableEntity ToEntity(FollowUpTask t, string personId) => new(personId, CaseRows.Task(t.Id))
    {
        ["TaskId"] = t.Id,
        ["CaseId"] = t.CaseId,
        ["Kind"] = t.Kind.ToString(),
        ["RuleKey"] = t.RuleKey,
        ["Title"] = t.Title,
        ["DueOn"] = Date(t.DueOn),
        ["Status"] = t.Status.ToString(),
        ["OrganisationId"] = t.OrganisationId,
        ["AssignedWorkerId"] = t.AssignedWorkerId,
        ["Outcome"] = t.Outcome,
        ["CreatedAt"] = t.CreatedAt,
        ["CompletedOn"] = Date(t.CompletedOn),
    };

    public static FollowUpTask ToTask(TableEntity e) => new(
        e.GetString("TaskId"),
        e.GetString("CaseId"),
        Enum<TaskKind>(e.GetString("Kind"))!.Value,
        e.GetString("RuleKey"),
        e.GetString("Title"),
        Date(e.GetString("DueOn"))!.Value,
        Enum<FollowUpTaskStatus>(e.GetString("Status"))!.Value,
        e.GetString("OrganisationId"),
        e.GetString("AssignedWorkerId"),
        e.GetString("Outcome"),
        e.GetDateTimeOffset("CreatedAt")!.Value,
        Date(e.GetString("CompletedOn")));

    public static TableEntity ToEntity(ReferenceAddress address, string personId) => new(personId, CaseRows.ReferenceAddress)
    {
        ["OrganisationId"] = address.OrganisationId,
        ["Since"] = Date(address.Since),
        ["LastCheckIn"] = Date(address.LastCheckIn),
    };

    public static ReferenceAddress ToReferenceAddress(TableEntity e) =>
        new(e.GetString("OrganisationId"), Date(e.GetString("Since"))!.Value, Date(e.GetString("LastCheckIn"))!.Value);

    /// <summary>A check-in as recorded: its client-made id is the row's, so sending it again finds it.</summary>
    public static TableEntity CheckIn(string personId, string checkInId, DateOnly on, string recordedBy, DateTimeOffset at) => new(personId, CaseRows.CheckIn(checkInId))
    {
        ["On"] = Date(on),
        ["RecordedBy"] = recordedBy,
        ["RecordedAt"] = at,
    };

    public static DateOnly CheckInDate(TableEntity e) => Date(e.GetString("On"))!.Value;

    private static string? Date(DateOnly? date) => date?.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static DateOnly? Date(string? text) => text is null ? null : DateOnly.ParseExact(text, DateFormat, CultureInfo.InvariantCulture);

    private static T? Enum<T>(string? text)
        where T : struct, Enum => text is null ? null : System.Enum.Parse<T>(text);
}
