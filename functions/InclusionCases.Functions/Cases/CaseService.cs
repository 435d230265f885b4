using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using InclusionCases.Domain.Access;
using InclusionCases.Domain.Cases;
using InclusionCases.Domain.Identity;
using InclusionCases.Domain.Persons;
using InclusionCases.Functions.Audit;
using InclusionCases.Functions.Cases.Contracts;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Storage;

namespace InclusionCases.Functions.Cases;

/// <summary>
/// Opens, reads, lists and updates cases, adds notes and reads timelines. Every request path reads
/// the person's partition once (the audit entry of the attempt written beside that read), asks
/// <see cref="AccessPolicy"/>, then writes one atomic batch (the change, its timeline entries, an
/// outbox row) and answers from what it wrote.
/// Rows with fresh random keys are upserted, not added: the SDK retries a write whose answer was
/// lost, and a retry of a write that landed must not turn into a 409.
/// </summary>
public sealed class CaseService(CaseStore store, OrganisationCaseIndex index, CaseEventPublisher events, AuditLog audit, TimeProvider clock)
{
    public async Task<(CaseResponse Case, string ETag)> CreateAsync(Caller caller, CreateCaseRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        if (!AccessPolicy.MayPerform(caller, ApiOperation.CreateCase))
        {
            await audit.RecordAsync(caller, "case.create", "cases", null, AuditOutcome.Denied, cancellationToken);
            throw ApiProblemException.Forbidden("Only social workers open cases.");
        }

        var now = clock.GetUtcNow();
        var errors = new FieldErrors();
        if (request.Type is null)
        {
            errors.Add("type", "Required: housingFirst or homelessness.");
        }

        if ((request.Person is null) == (request.PersonId is null))
        {
            errors.Add("person", "Give either person (a new person) or personId (a person already known), not both.");
        }

        if (request.Person is not null)
        {
            PersonInputValidation.Validate(errors, "person", request.Person, null, now.Year);
        }

        if (request.PersonId is not null && !RecordIds.IsPersonId(request.PersonId))
        {
            errors.Add("personId", "Not a person id.");
        }

        ValidateWorkerId(errors, request.AssignedWorkerId);
        errors.ThrowIfAny();

        var actions = new List<TableTransactionAction>();
        Person person;
        if (request.PersonId is { } knownId)
        {
            var partition = await AuthorizePersonAsync(caller, knownId, ApiOperation.ReadCase, "case.create", cancellationToken);
            person = partition.Person!.Value;
        }
        else
        {
            person = PersonInputValidation.Create(RecordIds.NewPersonId(), request.Person!);
            actions.Add(new(TableTransactionActionType.UpsertReplace, CaseEntities.ToEntity(person, now, now)));
        }

        var caseFile = new CaseFile(
            RecordIds.NewCaseId(person.Id), person.Id, request.Type!.Value, CaseStatus.Intake, caller.OrganisationId, [],
            request.AssignedWorkerId, null, null, now, now, 1);
        actions.Add(new(TableTransactionActionType.UpsertReplace, CaseEntities.ToEntity(caseFile)));
        actions.Add(Timeline(caller, caseFile, TimelineKind.Created, now, new Dictionary<string, string> { ["type"] = Name(caseFile.Type) }));

        // A new person was read from nowhere: the audit entry of opening their case rides in the outbox
        // row, atomic with the case, and the projector writes it to the log. So it exists exactly when
        // the case does, and costs the request no round trip of its own. (A known person's was
        // written beside the read above.)
        var eventId = RecordIds.NewEntryId();
        var entry = request.PersonId is null
            ? new AuditEntry(eventId, now, caller.Id, caller.OrganisationId, "case.create", "case/" + caseFile.Id, person.Id, AuditOutcome.Allowed)
            : null;
        actions.Add(new(TableTransactionActionType.UpsertReplace, CaseEntities.Outbox(person.Id, eventId, "case.created", now, entry)));
        await store.SubmitAsync(actions, cancellationToken);
        await events.PublishAsync(person.Id, cancellationToken);

        var access = new CaseAccess(caseFile.LeadOrganisationId, caseFile.Participants, []);
        return (CaseProjection.For(caller, caseFile, person, access, now), CaseProjection.ETag(caseFile));
    }

    public async Task<(CaseResponse Case, string ETag)> GetAsync(Caller caller, string caseId, CancellationToken cancellationToken)
    {
        var (partition, stored) = await AuthorizeAsync(caller, caseId, ApiOperation.ReadCase, "case.read", cancellationToken);
        var c = stored.Value;
        return (CaseProjection.For(caller, c, partition.Person!.Value, partition.AccessTo(c), clock.GetUtcNow()), CaseProjection.ETag(c));
    }

    public async Task<PageResponse<CaseSummary>> ListAsync(Caller caller, CaseStatus? status, CaseType? type, bool assignedToMe, Paging paging, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!AccessPolicy.MayPerform(caller, ApiOperation.ListCases))
        {
            await audit.RecordAsync(caller, "case.list", "organisation/" + caller.OrganisationId, null, AuditOutcome.Denied, cancellationToken);
            throw ApiProblemException.Forbidden("This role does not list cases.");
        }

        // Allowed by role alone: the audit entry is written beside the index query, not before it.
        var (rows, token) = await audit.BesideAsync(
            caller,
            "case.list",
            "organisation/" + caller.OrganisationId,
            null,
            () => index.ListAsync(caller.OrganisationId, status, type, assignedToMe ? caller.Id : null, paging, cancellationToken),
            cancellationToken);

        // The index is written asynchronously; a participant's access depends on consent, which can be
        // revoked or expire at any moment, so participant rows are checked against the authoritative store.
        var now = clock.GetUtcNow();
        var checks = rows.Where(r => !r.AsLead).Select(r => r.PersonId).Distinct()
            .ToDictionary(p => p, p => store.LoadAsync(p, cancellationToken));
        await Task.WhenAll(checks.Values);
        var items = rows.Where(r => r.AsLead || StillVisible(caller, r, checks[r.PersonId].Result, now))
            .Select(r => new CaseSummary(r.CaseId, r.Type, r.Status, r.LeadOrganisationId, r.AssignedWorkerId, r.CreatedAt, r.UpdatedAt))
            .ToList();
        return new PageResponse<CaseSummary>(items, Paging.Encode(token));
    }

    public async Task<(CaseResponse Case, string ETag)> UpdateAsync(Caller caller, string caseId, string? ifMatch, UpdateCaseRequest request, JsonElement json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            throw new ApiProblemException(ProblemTypes.PreconditionRequired, "Send If-Match with the ETag of the case as last read.");
        }

        var now = clock.GetUtcNow();
        var errors = new FieldErrors();
        ValidateWorkerId(errors, request.AssignedWorkerId);
        if (PersonInputValidation.Has(json, "status") && request.Status is null)
        {
            errors.Add("status", "A case always has a status.");
        }

        if (request.Person is not null)
        {
            PersonInputValidation.Validate(errors, "person", request.Person, json.GetProperty("person"), now.Year);
        }
        else if (PersonInputValidation.Has(json, "person"))
        {
            errors.Add("person", "The person cannot be removed from a case.");
        }

        CaseDates.Validate(errors, request, now);
        errors.ThrowIfAny();

        var (partition, stored) = await AuthorizeAsync(caller, caseId, ApiOperation.UpdateCase, "case.update", cancellationToken);
        var current = stored.Value;
        CaseDates.ThrowIfClosedBeforeOpened(request, current, now);
        var access = partition.AccessTo(current);
        if (ifMatch.Trim() != "*" && ifMatch.Trim().TrimStart('W', '/') != CaseProjection.ETag(current))
        {
            throw new ApiProblemException(ProblemTypes.PreconditionFailed, "The case has changed since it was read. Read it again and retry.");
        }

        if (request.Person?.Sensitive is not null || (request.Person is not null && PersonInputValidation.Has(json.GetProperty("person"), "sensitive")))
        {
            if (!AccessPolicy.CanSeeSensitive(caller, access, now))
            {
                throw ApiProblemException.Forbidden("Only social workers allowed to see the sensitive fields may change them.");
            }
        }

        var updated = Apply(current, request, json);
        var move = CaseWorkflow.Check(current.Status, updated.Status, updated.Housing, updated.Closure);
        if (!move.Allowed)
        {
            throw ApiProblemException.Conflict(move.Problem!, new Dictionary<string, object>
            {
                ["currentStatus"] = CaseWorkflow.Name(current.Status),
                ["allowed"] = move.AllowedMoves.Select(CaseWorkflow.Name).ToArray(),
            });
        }

        var person = partition.Person!.Value;
        var newPerson = request.Person is null ? person : PersonInputValidation.Merge(person, request.Person, json.GetProperty("person"));
        var changedFields = ChangedFields(current, updated, person, newPerson);
        if (changedFields.Count == 0 && updated.Status == current.Status)
        {
            return (CaseProjection.For(caller, current, person, access, now), CaseProjection.ETag(current));
        }

        updated = updated with { UpdatedAt = now, Version = current.Version + 1 };
        // A fresh id on the row tells, after a 412, whether the batch that met it was our own retried one.
        var writeId = RecordIds.NewEntryId();
        var caseRow = CaseEntities.ToEntity(updated);
        caseRow[CaseStore.WriteIdColumn] = writeId;
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, caseRow, stored.ETag) };
        if (!ReferenceEquals(newPerson, person) && newPerson != person)
        {
            actions.Add(new(TableTransactionActionType.UpdateReplace, CaseEntities.ToEntity(newPerson, partition.PersonCreatedAt, now), partition.Person.ETag));
        }

        if (updated.Status != current.Status)
        {
            actions.Add(Timeline(caller, updated, TimelineKind.StatusChanged, now, new Dictionary<string, string>
            {
                ["from"] = CaseWorkflow.Name(current.Status),
                ["to"] = CaseWorkflow.Name(updated.Status),
            }));
        }

        if (changedFields.Count > 0)
        {
            actions.Add(Timeline(caller, updated, TimelineKind.Updated, now.AddTicks(1), new Dictionary<string, string> { ["fields"] = string.Join(',', changedFields) }));
        }

        actions.Add(Outbox(updated.PersonId, "case.updated", now));
        try
        {
            await store.SubmitAsync(actions, cancellationToken);
        }
        catch (ApiProblemException ex) when (ex.Type == ProblemTypes.PreconditionFailed)
        {
            // The SDK may have retried a batch whose first attempt landed: the retry then met our own new ETag.
            if (await store.WriteIdAsync(updated.PersonId, updated.Id, cancellationToken) != writeId)
            {
                throw;
            }
        }

        await events.PublishAsync(updated.PersonId, cancellationToken);
        return (CaseProjection.For(caller, updated, newPerson, access, now), CaseProjection.ETag(updated));
    }

    public async Task<TimelineItem> AddNoteAsync(Caller caller, string caseId, NoteRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        errors.Required("text", request.Text, FieldErrors.MaxNoteLength, allowLineBreaks: true);
        if (request.Visibility is null)
        {
            errors.Add("visibility", "Required: shared or organisation.");
        }

        errors.ThrowIfAny();
        var (_, stored) = await AuthorizeAsync(caller, caseId, ApiOperation.AddNote, "note.create", cancellationToken);
        var organisationOnly = request.Visibility == NoteVisibility.Organisation;
        if (!AccessPolicy.MayWriteNote(caller, organisationOnly))
        {
            throw ApiProblemException.Forbidden("Partner systems add shared notes only.");
        }

        var now = clock.GetUtcNow();
        var entry = new TimelineEntry(RecordIds.NewEntryId(), caseId, TimelineKind.Note, now, caller.Id, caller.OrganisationId, organisationOnly, request.Text, null);
        await store.SubmitAsync([new(TableTransactionActionType.UpsertReplace, CaseEntities.ToEntity(entry, stored.Value.PersonId))], cancellationToken);
        return CaseProjection.Item(entry);
    }

    public async Task<PageResponse<TimelineItem>> TimelineAsync(Caller caller, string caseId, Paging paging, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var (_, stored) = await AuthorizeAsync(caller, caseId, ApiOperation.ReadTimeline, "timeline.read", cancellationToken);
        var (entries, token) = await store.TimelineAsync(stored.Value.PersonId, caseId, caller.OrganisationId, paging, cancellationToken);
        var items = entries.Where(e => AccessPolicy.CanSeeNote(caller, e.OrganisationOnly, e.ActorOrganisationId)).Select(CaseProjection.Item).ToList();
        return new PageResponse<TimelineItem>(items, Paging.Encode(token));
    }

    /// <summary>Reads the case's partition beside the audit of the attempt, decides, and throws 404/403 unless allowed.</summary>
    public async Task<(PersonPartition Partition, Stored<CaseFile> Case)> AuthorizeAsync(
        Caller caller, string caseId, ApiOperation operation, string action, CancellationToken cancellationToken)
    {
        var personId = RecordIds.PersonOfCase(caseId) ?? throw ApiProblemException.Invalid("caseId", "Not a case id.");
        var (partition, stored, decision) = await audit.BesideAsync(
            caller,
            action,
            "case/" + caseId,
            personId,
            async () =>
            {
                var partition = await store.LoadAsync(personId, cancellationToken);
                var stored = partition.Case(caseId);
                var decision = stored is null || partition.Person is null
                    ? AccessDecision.NotFound
                    : AccessPolicy.Decide(caller, operation, partition.AccessTo(stored.Value), clock.GetUtcNow());
                return (partition, stored, decision);
            },
            r => r.decision == AccessDecision.Allowed,
            cancellationToken);
        ThrowUnlessAllowed(decision, "case");
        return (partition, stored!);
    }

    /// <summary>
    /// Reads the person's partition beside the audit of the attempt, decides on all the person's cases
    /// (allowed if the caller may on any of them), and throws 404/403 unless allowed.
    /// </summary>
    public async Task<PersonPartition> AuthorizePersonAsync(Caller caller, string personId, ApiOperation operation, string action, CancellationToken cancellationToken)
    {
        var (partition, decision) = await audit.BesideAsync(
            caller,
            action,
            "person/" + personId,
            personId,
            async () =>
            {
                var partition = await store.LoadAsync(personId, cancellationToken);
                var decision = partition.Person is null
                    ? AccessDecision.NotFound
                    : AccessPolicy.DecideOnPerson(caller, operation, [.. partition.Cases.Select(c => partition.AccessTo(c.Value))], clock.GetUtcNow());
                return (partition, decision);
            },
            r => r.decision == AccessDecision.Allowed,
            cancellationToken);
        ThrowUnlessAllowed(decision, "person");
        return partition;
    }

    internal static void ThrowUnlessAllowed(AccessDecision decision, string what)
    {
        switch (decision)
        {
            case AccessDecision.NotFound:
                throw ApiProblemException.NotFound(what);
            case AccessDecision.Forbidden:
                throw ApiProblemException.Forbidden($"Your role or organisation may not do this on this {what}.");
            default:
                return;
        }
    }

    internal static TableTransactionAction Timeline(Caller caller, CaseFile c, TimelineKind kind, DateTimeOffset at, IReadOnlyDictionary<string, string>? detail) =>
        new(TableTransactionActionType.UpsertReplace, CaseEntities.ToEntity(new TimelineEntry(RecordIds.NewEntryId(), c.Id, kind, at, caller.Id, caller.OrganisationId, false, null, detail), c.PersonId));

    internal static TableTransactionAction Outbox(string personId, string kind, DateTimeOffset at) =>
        new(TableTransactionActionType.UpsertReplace, CaseEntities.Outbox(personId, RecordIds.NewEntryId(), kind, at));

    internal static string Name<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private static bool StillVisible(Caller caller, IndexedCase row, PersonPartition partition, DateTimeOffset now) =>
        partition.Case(row.CaseId) is { } c && AccessPolicy.CanSee(caller.OrganisationId, partition.AccessTo(c.Value), now);

    private static void ValidateWorkerId(FieldErrors errors, string? workerId)
    {
        errors.Optional("assignedWorkerId", workerId, FieldErrors.MaxNameLength);
        if (workerId is not null && !TableKeys.IsValid(workerId))
        {
            errors.Add("assignedWorkerId", "Not a valid id.");
        }
    }

    private static CaseFile Apply(CaseFile c, UpdateCaseRequest request, JsonElement json)
    {
        var housing = c.Housing;
        if (PersonInputValidation.Has(json, "housing"))
        {
            var sent = json.GetProperty("housing");
            housing = request.Housing is null ? null : new Housing(
                PersonInputValidation.Has(sent, "moveInDate") ? request.Housing.MoveInDate : housing?.MoveInDate,
                PersonInputValidation.Has(sent, "tenancyStatus") ? request.Housing.TenancyStatus : housing?.TenancyStatus);
        }

        var closure = c.Closure;
        if (PersonInputValidation.Has(json, "closure"))
        {
            var sent = json.GetProperty("closure");
            closure = request.Closure is null ? null : new Closure(
                PersonInputValidation.Has(sent, "reason") ? request.Closure.Reason : closure?.Reason,
                PersonInputValidation.Has(sent, "date") ? request.Closure.Date : closure?.Date);
        }

        return c with
        {
            Status = request.Status ?? c.Status,
            AssignedWorkerId = PersonInputValidation.Has(json, "assignedWorkerId") ? request.AssignedWorkerId : c.AssignedWorkerId,
            Housing = housing is { MoveInDate: null, TenancyStatus: null } ? null : housing,
            Closure = closure is { Reason: null, Date: null } ? null : closure,
        };
    }

    private static List<string> ChangedFields(CaseFile before, CaseFile after, Person personBefore, Person personAfter)
    {
        var fields = new List<string>();
        if (before.AssignedWorkerId != after.AssignedWorkerId)
        {
            fields.Add("assignedWorkerId");
        }

        if (before.Housing != after.Housing)
        {
            fields.Add("housing");
        }

        if (before.Closure != after.Closure)
        {
            fields.Add("closure");
        }

        if (personBefore.DisplayName != personAfter.DisplayName || personBefore.BirthYear != personAfter.BirthYear
            || personBefore.Gender != personAfter.Gender || !personBefore.Languages.SequenceEqual(personAfter.Languages))
        {
            fields.Add("person");
        }

        if (personBefore.Sensitive != personAfter.Sensitive)
        {
            fields.Add("person.sensitive");
        }

        return fields;
    }
}
