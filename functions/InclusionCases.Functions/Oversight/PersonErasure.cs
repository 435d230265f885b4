using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using InclusionCases.Domain.Persons;
using InclusionCases.Functions.Cases;
using InclusionCases.Functions.Contacts;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Storage;

namespace InclusionCases.Functions.Oversight;

/// <summary>
/// Erases a person (GDPR art. 17): identifying and sensitive fields, note texts, consent evidence,
/// referral reasons and contact free text are replaced by <see cref="Person.ErasedText"/> everywhere
/// they are kept, including <c>contact-intake</c> messages not yet stored. Ids, dates, statuses and
/// counts stay, so reports do not change. Every step is idempotent and the person row is marked
/// last, so an erasure cut short is finished by calling it again; once marked, a call is a no-op.
/// </summary>
public sealed class PersonErasure(CaseStore cases, ContactStore contacts, Referrals.ReferralIndex referralIndex, CaseEventPublisher events, StorageAccount storage, QueueNames queues, TimeProvider clock)
{
    private const int ActionsPerBatch = 99;

    /// <summary>Erases the person of <paramref name="partition"/>; false when already erased.</summary>
    public async Task<bool> EraseAsync(PersonPartition partition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partition);
        var person = partition.Person!.Value;
        if (person.ErasedAt is not null)
        {
            return false;
        }

        var personId = partition.PersonId;
        foreach (var contact in await contacts.AllOutreachAsync(personId, cancellationToken))
        {
            await contacts.EraseFreeTextAsync(contact, cancellationToken);
        }

        await ScrubPendingContactsAsync(personId, cancellationToken);

        var now = clock.GetUtcNow();
        var actions = new List<TableTransactionAction>();
        foreach (var c in partition.Cases)
        {
            foreach (var note in (await cases.AllTimelineAsync(personId, c.Value.Id, cancellationToken)).Where(e => e.Value.Text is not null and not Person.ErasedText))
            {
                actions.Add(new(TableTransactionActionType.UpdateMerge, new TableEntity(personId, CaseRows.Timeline(c.Value.Id, note.Value.At, note.Value.Id)) { ["Text"] = Person.ErasedText }, note.ETag));
            }
        }

        actions.AddRange(partition.Consents.Select(c => new TableTransactionAction(TableTransactionActionType.UpdateReplace, CaseEntities.ToEntity(c.Value with { Evidence = Person.ErasedText }), c.ETag)));
        actions.AddRange(partition.Referrals.Select(r => new TableTransactionAction(TableTransactionActionType.UpdateReplace, CaseEntities.ToEntity(r.Value with { Reason = Person.ErasedText }, personId), r.ETag)));
        foreach (var chunk in actions.Chunk(ActionsPerBatch))
        {
            await cases.SubmitAsync(chunk, cancellationToken);
        }

        // The referral index serves lists at once; it is not left to the projector's delay.
        foreach (var referral in partition.Referrals)
        {
            await referralIndex.UpsertAsync(referral.Value with { Reason = Person.ErasedText }, cancellationToken);
        }

        // Last: the mark that makes a further call a no-op; the outbox re-projects the referral index.
        await cases.SubmitAsync(
            [
                new(TableTransactionActionType.UpdateReplace, CaseEntities.ToEntity(person.Erase(now), partition.PersonCreatedAt, now), partition.Person.ETag),
                CaseService.Outbox(personId, "person.erased", now),
            ],
            cancellationToken);
        await events.PublishAsync(personId, cancellationToken);
        return true;
    }

    /// <summary>
    /// Rewrites queued contact chunks that mention the person. Looking at a message counts as a
    /// dequeue, so every message on the queue uses one of its five attempts here.
    /// </summary>
    private async Task ScrubPendingContactsAsync(string personId, CancellationToken cancellationToken)
    {
        foreach (var queue in new[] { storage.Queue(queues.ContactIntake), storage.Queue(QueueNames.PoisonOf(queues.ContactIntake)) })
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (true)
            {
                QueueMessage[] batch;
                try
                {
                    batch = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30), cancellationToken)).Value;
                }
                catch (Azure.RequestFailedException ex) when (ex.Status == 404)
                {
                    break;
                }

                var fresh = batch.Where(m => seen.Add(m.MessageId)).ToList();
                foreach (var message in batch)
                {
                    var text = message.Body.ToString();
                    var scrubbed = text.Contains(personId, StringComparison.Ordinal) ? Scrub(text, personId) : null;
                    await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, scrubbed, TimeSpan.Zero, cancellationToken);
                }

                if (fresh.Count == 0)
                {
                    break;
                }
            }
        }
    }

    // The chunk format belongs to the contact intake, which knows how to scrub it.
    private static string? Scrub(string text, string personId) => ContactIntakeMessage.ScrubPerson(text, personId);
}
