using Azure.Data.Tables;
using InclusionCases.Domain.Identity;
using InclusionCases.Functions.Audit;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Storage;

namespace InclusionCases.Functions.PersonFile;

/// <summary>
/// The one write path of a person's file. <see cref="CommitAsync"/> adds the outbox row (carrying the
/// request's audit entry, so the entry exists exactly when the change does), stamps every row it
/// replaces with the change's id, and submits the batch. Beside the batch it tells the projector,
/// with a short delay so the message is seen after the batch has landed; a message that comes
/// early or is lost leaves the outbox row to the sweeper, so no change is ever left unprojected.
/// That keeps a change at one sequential round trip after its read.
/// A 412 can be the SDK's own retry of a batch that landed: the row it met then carries this
/// change's id, and the change counts as committed.
/// </summary>
public sealed class PersonFileWriter(PersonFileStore store, CaseEventPublisher events, TimeProvider clock)
{
    /// <summary>The column holding the id of the change that last replaced a row.</summary>
    public const string ChangeIdColumn = "WriteId";

    /// <summary>A change to <paramref name="personId"/>'s file by <paramref name="caller"/>, at the current time.</summary>
    public PersonChange Begin(string personId, Caller? caller, string eventKind) => new(personId, caller, clock.GetUtcNow(), eventKind);

    public async Task CommitAsync(PersonChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.IsEmpty)
        {
            return;
        }

        var changeId = EntryIds.New();
        var request = RequestAudit.Current;
        var audit = request is { Stored: false, Entry: { } entry } ? entry : null;
        var actions = change.Actions.Select(a => Stamp(a, changeId)).ToList();
        actions.Add(new(TableTransactionActionType.UpsertReplace, CaseEntities.Outbox(change.PersonId, changeId, change.EventKind, change.Now, audit, change.Events)));
        var conditional = actions.FirstOrDefault(a => a.ActionType is TableTransactionActionType.UpdateReplace or TableTransactionActionType.UpdateMerge);

        var submitting = SubmitAsync(change.PersonId, actions, conditional, changeId, cancellationToken);
        var publishing = events.PublishAsync(change.PersonId, cancellationToken, CaseEventPublisher.AfterCommit);
        await Task.WhenAll(submitting, publishing);
        if (audit is not null)
        {
            request!.MarkStored();
        }
    }

    /// <summary>
    /// Records that something kept beside the file, which the file's projection reads, has changed (a
    /// street contact naming the person): an outbox row alone, committed and published like any change,
    /// so the projector plans the person's tasks again. Safe to repeat: each call is one more projection.
    /// </summary>
    public async Task NoteOutsideChangeAsync(string personId, string eventKind, CancellationToken cancellationToken)
    {
        var outbox = CaseEntities.Outbox(personId, EntryIds.New(), eventKind, clock.GetUtcNow());
        await Task.WhenAll(
            store.SubmitAsync([new(TableTransactionActionType.UpsertReplace, outbox)], cancellationToken),
            events.PublishAsync(personId, cancellationToken, CaseEventPublisher.AfterCommit));
    }

    private async Task SubmitAsync(string personId, List<TableTransactionAction> actions, TableTransactionAction? conditional, string changeId, CancellationToken cancellationToken)
    {
        try
        {
            await store.SubmitAsync(actions, cancellationToken);
        }
        catch (ApiProblemException ex) when (ex.Type == ProblemTypes.PreconditionFailed && conditional is not null)
        {
            if (await store.ChangeIdAsync(personId, conditional.Entity.RowKey, cancellationToken) != changeId)
            {
                throw;
            }
        }
    }

    private static TableTransactionAction Stamp(TableTransactionAction action, string changeId)
    {
        if (action.ActionType is TableTransactionActionType.UpdateReplace or TableTransactionActionType.UpdateMerge)
        {
            ((TableEntity)action.Entity)[ChangeIdColumn] = changeId;
        }

        return action;
    }
}
