namespace InclusionCases.Functions.Storage;

/// <summary>The logical names of every table the app uses; <see cref="StorageProvisioner"/> creates them.</summary>
public static class TableNames
{
    /// <summary>The directory: PartitionKey = "directory", RowKey = organisation id (older rows: PartitionKey = id, RowKey = "organisation").</summary>
    public const string Organisations = "Organisations";

    /// <summary>PartitionKey = user or application object id (<c>oid</c>), RowKey = "membership".</summary>
    public const string Memberships = "Memberships";

    /// <summary>Index of an organisation's members: PartitionKey = organisation id, RowKey = member oid.</summary>
    public const string OrganisationMembers = "OrganisationMembers";

    /// <summary>The authoritative store: PartitionKey = person id; RowKeys in <c>CaseRows</c>.</summary>
    public const string Cases = "Cases";

    /// <summary>Index of the cases an organisation sees: PartitionKey = organisation id.</summary>
    public const string OrganisationCases = "OrganisationCases";

    /// <summary>Index of referrals by organisation: PartitionKey = organisation id.</summary>
    public const string Referrals = "Referrals";

    /// <summary>Audit entries: PartitionKey = <c>actor|{id}</c> or <c>person|{id}</c>, RowKey = inverted ticks.</summary>
    public const string Audit = "Audit";

    /// <summary>Street contacts: PartitionKey = the mediator's organisation; RowKeys in <c>ContactStore</c>.</summary>
    public const string Contacts = "Contacts";

    /// <summary>One row per street contact id for the whole system: PartitionKey = contact id, RowKey = "id" (holder and fingerprint).</summary>
    public const string ContactIds = "ContactIds";

    /// <summary>Outreach history of a person: PartitionKey = person id, RowKey = inverted observedAt + contact id.</summary>
    public const string Outreach = "Outreach";

    /// <summary>By month: one row per case (PartitionKey <c>cases|yyyy-MM</c>), one per organisation with contacts (<c>contacts|yyyy-MM</c>).</summary>
    public const string ReportFacts = "ReportFacts";

    /// <summary>Monthly counters recomputed from the facts: PartitionKey = <c>cases</c> or <c>contacts</c>, RowKey = yyyy-MM.</summary>
    public const string ReportRollups = "ReportRollups";

    /// <summary>For the retention job, by month: closed cases (PartitionKey <c>closed|yyyy-MM</c>), organisations with contacts (<c>contacts|yyyy-MM</c>).</summary>
    public const string Retention = "Retention";

    /// <summary>What background work last reported: PartitionKey <c>timer</c> (RowKey = function name) or <c>outbox</c>; see <c>Telemetry.Heartbeats</c>.</summary>
    public const string Heartbeats = "Heartbeats";

    /// <summary>Idempotency keys: PartitionKey <c>caller|{oid}</c>, RowKey = SHA-256 of the key; expiry index in <c>expires|yyyy-MM-dd</c>. See <c>Idempotency.IdempotencyStore</c>.</summary>
    public const string IdempotencyKeys = "IdempotencyKeys";

    /// <summary>Index of follow-up tasks by the organisation whose to-do they are: PartitionKey = organisation id, RowKey = <c>{dueOn}|{taskId}</c>.</summary>
    public const string Tasks = "Tasks";

    /// <summary>The days on which a person's derived tasks must be planned again with nothing else changing: PartitionKey = yyyy-MM-dd, RowKey = person id.</summary>
    public const string TaskRechecks = "TaskRechecks";

    /// <summary>Webhook subscriptions: PartitionKey = organisation id, RowKey = subscription id (and a <c>count</c> row). See <c>Webhooks.SubscriptionStore</c>.</summary>
    public const string Subscriptions = "Subscriptions";

    /// <summary>The delivery log: PartitionKey = subscription id, RowKey = event id (newest first); the days deliveries ended in <c>purge|yyyy-MM-dd</c>. See <c>Webhooks.DeliveryLog</c>.</summary>
    public const string WebhookDeliveries = "WebhookDeliveries";

    /// <summary>The match index: who may be found by which name sound or identifier hash (see Matching.MatchIndex).</summary>
    public const string MatchIndex = "MatchIndex";

    /// <summary>Match requests, outgoing and incoming, and each caller's match calls of the last hour.</summary>
    public const string MatchRequests = "MatchRequests";

    public static IReadOnlyList<string> All { get; } = [Organisations, Memberships, OrganisationMembers, Cases, OrganisationCases, Referrals, Audit, Contacts, ContactIds, Outreach, ReportFacts, ReportRollups, Retention, Heartbeats, IdempotencyKeys, Tasks, TaskRechecks, Subscriptions, WebhookDeliveries, MatchIndex, MatchRequests];
}
