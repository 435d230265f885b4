using Azure;
using Azure.Data.Tables;
using InclusionCases.Domain.Cases;
using InclusionCases.Domain.Identity;
using InclusionCases.Domain.Webhooks;

namespace InclusionCases.Functions.PersonFile;

/// <summary>
/// One atomic change to a person's file, gathered before it is committed by
/// <see cref="PersonFileWriter"/>: rows written with the ETags they were read with, new rows, and
/// timeline entries. The writer adds the outbox row (with the request's audit entry) and commits it
/// all in one batch of the person's partition, so a change lands whole or not at all.
/// </summary>
public sealed class PersonChange
{
    public const int MaxRows = 98; // a batch holds 100 actions; the outbox row takes one

    /// <summary>The actor of timeline events the system writes itself (a referral expiring).</summary>
    public const string SystemActor = "system";

    private readonly List<TableTransactionAction> _actions = [];
    private readonly List<WebhookEvent> _events = [];

    internal PersonChange(string personId, Caller? caller, DateTimeOffset now, string eventKind)
    {
        PersonId = personId;
        Caller = caller;
        Now = now;
        EventKind = eventKind;
    }

    public string PersonId { get; }

    /// <summary>Who makes the change (none for system jobs).</summary>
    public Caller? Caller { get; }

    /// <summary>The time of the change: every row it writes carries this one.</summary>
    public DateTimeOffset Now { get; }

    /// <summary>What the projector is told happened, e.g. <c>case.updated</c>.</summary>
    public string EventKind { get; }

    public bool IsEmpty => _actions.Count == 0;

    public int Count => _actions.Count;

    internal IReadOnlyList<TableTransactionAction> Actions => _actions;

    /// <summary>The events this change tells subscribers of, kept in its outbox row: sent only if the change commits.</summary>
    internal IReadOnlyList<WebhookEvent> Events => _events;

    /// <summary>A row under a fresh key (upserted: an SDK retry of a batch that landed must not become a 409).</summary>
    public PersonChange Add(TableEntity row) => With(new(TableTransactionActionType.UpsertReplace, Own(row)));

    /// <summary>A row that must not exist yet: the whole change fails with a 409 if it does.</summary>
    public PersonChange Insert(TableEntity row) => With(new(TableTransactionActionType.Add, Own(row)));

    /// <summary>A row as read, replaced only if nobody changed it since (412 otherwise).</summary>
    public PersonChange Replace(TableEntity row, ETag etag) => With(new(TableTransactionActionType.UpdateReplace, Own(row), etag));

    /// <summary>Some columns of a row as read, merged only if nobody changed it since.</summary>
    public PersonChange Merge(TableEntity row, ETag etag) => With(new(TableTransactionActionType.UpdateMerge, Own(row), etag));

    /// <summary>An event on a case's timeline, by the caller (or <see cref="SystemActor"/> for a change the system makes on a timer), at <see cref="Now"/>.</summary>
    public PersonChange Timeline(CaseFile caseFile, TimelineKind kind, IReadOnlyDictionary<string, string>? detail, TimeSpan? after = null)
    {
        ArgumentNullException.ThrowIfNull(caseFile);
        var (actorId, actorOrganisationId) = Caller is { } actor ? (actor.Id, actor.OrganisationId) : (SystemActor, SystemActor);
        var entry = new TimelineEntry(RecordIds.NewEntryId(), caseFile.Id, kind, Now + (after ?? TimeSpan.Zero), actorId, actorOrganisationId, false, null, detail);
        return Add(CaseEntities.ToEntity(entry, PersonId));
    }

    /// <summary>
    /// Tells <paramref name="organisationId"/>'s subscriptions of <paramref name="type"/> about the named
    /// records once this change commits (not before <paramref name="notBefore"/>). Ids only; whether the
    /// organisation may still know is checked again when the event is sent.
    /// </summary>
    public PersonChange Notify(string type, string organisationId, string caseId, string? referralId = null, string? consentId = null, string? taskId = null, DateTimeOffset? notBefore = null)
    {
        if (!WebhookEventTypes.IsKnown(type))
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, "Not a webhook event type.");
        }

        _events.Add(new WebhookEvent(RecordIds.NewEventId(Now), type, organisationId, PersonId, caseId, Now, referralId, consentId, taskId, notBefore));
        return this;
    }

    private PersonChange With(TableTransactionAction action)
    {
        if (_actions.Count >= MaxRows)
        {
            throw new InvalidOperationException($"A person change holds at most {MaxRows} rows.");
        }

        _actions.Add(action);
        return this;
    }

    private TableEntity Own(TableEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.PartitionKey == PersonId ? row : throw new ArgumentException("A person change writes the person's own partition only.", nameof(row));
    }
}
