using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using InclusionCases.Domain.Identity;
using InclusionCases.Domain.Persons;
using InclusionCases.Domain.Referrals;
using InclusionCases.Domain.Tasks;
using InclusionCases.Functions.Cases;
using InclusionCases.Functions.Contacts;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Idempotency;
using InclusionCases.Functions.PersonFile;
using InclusionCases.Functions.Storage;

namespace InclusionCases.Functions.Oversight;

/// <summary>
/// Erases a person (GDPR art. 17): identifying and sensitive fields, note texts, consent evidence,
/// referral reasons, link evidence, contact free text and the fields of match requests naming the person
/// are replaced by <see cref="Person.ErasedText"/> everywhere they are kept, including
/// <c>contact-intake</c> messages not yet stored. Ids, dates, statuses and
/// counts stay, so reports do not change; the breakdowns' facts lose the pointers that made them the person's. Answers kept for idempotency keys that show the person are deleted. The person's file is changed through the person-file write
/// path, the person row marked last. Every call scrubs again whatever is there (a call cut short is
/// finished by the next one, and anything written since is removed); once marked, writes naming
/// the person are refused (410).
/// </summary>
public sealed class PersonErasure(PersonFileStore cases, PersonFileWriter writer, ContactStore contacts, Referrals.ReferralIndex referralIndex, Matching.MatchRequestStore matchRequests, Reports.BreakdownFacts breakdowns, IdempotencyStore idempotencyKeys, StorageAccount storage, QueueNames queues)
{
    /// <summary>Erases the person of <paramref name="file"/>, by <paramref name="caller"/> (none for the retention job).</summary>
    public async Task EraseAsync(Caller? caller, PersonPartition file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var person = file.Person!.Value;
        var personId = file.PersonId;
        foreach (var contact in await contacts.AllOutreachAsync(personId, cancellationToken))
        {
            await contacts.EraseFreeTextAsync(contact, cancellationToken);
        }

        // The message formats belong to the contact intake and to matching, which know how to scrub them.
        await ScrubPendingAsync([queues.ContactIntake, QueueNames.PoisonOf(queues.ContactIntake)], personId, ContactIntakeMessage.ScrubPerson, cancellationToken);
        // Live match calls are not looked at (each look would use one of their five attempts): the holders'
        // side drops a call answered a person since erased. Those waiting in the poison queue are scrubbed.
        await ScrubPendingAsync([QueueNames.PoisonOf(queues.MatchRequests)], personId, Matching.MatchCallMessage.ScrubPerson, cancellationToken);
        await matchRequests.EraseFieldsAsync(personId, cancellationToken);
        await idempotencyKeys.ForgetPersonAsync(personId, cancellationToken);

        var rows = new List<(TableEntity Row, ETag ETag, bool Merge)>();
        foreach (var c in file.Cases)
        {
            foreach (var note in (await cases.AllTimelineAsync(personId, c.Value.Id, cancellationToken)).Where(e => e.Value.Text is not null and not Person.ErasedText))
            {
                rows.Add((new TableEntity(personId, CaseRows.Timeline(c.Value.Id, note.Value.At, note.Value.Id)) { ["Text"] = Person.ErasedText }, note.ETag, true));
            }
        }

        rows.AddRange(file.Consents.Where(c => c.Value.Evidence != Person.ErasedText)
            .Select(c => (CaseEntities.ToEntity(c.Value with { Evidence = Person.ErasedText }), c.ETag, false)));
        rows.AddRange(file.Referrals.Where(r => ScrubbedOf(r.Value) != r.Value)
            .Select(r => (CaseEntities.ToEntity(ScrubbedOf(r.Value), personId), r.ETag, false)));
        rows.AddRange(file.Links.Where(l => l.Value.Evidence != Person.ErasedText)
            .Select(l => (CaseEntities.ToEntity(l.Value with { Evidence = Person.ErasedText }), l.ETag, false)));
        rows.AddRange(file.Tasks.Where(t => ScrubbedOf(t.Value) != t.Value)
            .Select(t => (CaseEntities.ToEntity(ScrubbedOf(t.Value), personId), t.ETag, false)));
        foreach (var chunk in rows.Chunk(PersonChange.MaxRows))
        {
            var change = writer.Begin(personId, caller, "person.scrubbed");
            foreach (var (row, etag, merge) in chunk)
            {
                _ = merge ? change.Merge(row, etag) : change.Replace(row, etag);
            }

            await writer.CommitAsync(change, cancellationToken);
        }

        // A link's evidence is about both records: the other file's copy goes too.
        foreach (var link in file.Links)
        {
            var other = await cases.LoadAsync(link.Value.OtherPersonId, cancellationToken);
            if (other.Links.FirstOrDefault(l => l.Value.Id == link.Value.Id) is { } copy && copy.Value.Evidence != Person.ErasedText)
            {
                var change = writer.Begin(other.PersonId, caller, "person.scrubbed");
                change.Replace(CaseEntities.ToEntity(copy.Value with { Evidence = Person.ErasedText }), copy.ETag);
                await writer.CommitAsync(change, cancellationToken);
            }
        }

        // The referral index serves lists at once; it is not left to the projector's delay.
        foreach (var referral in file.Referrals)
        {
            await referralIndex.UpsertAsync(ScrubbedOf(referral.Value), cancellationToken);
        }

        // Last: the mark that refuses further writes about the person; the outbox re-projects the referral index.
        var mark = writer.Begin(personId, caller, "person.erased");
        mark.Replace(CaseEntities.ToEntity(person.Erase(person.ErasedAt ?? mark.Now), file.PersonCreatedAt, mark.Now), file.Person.ETag);
        await writer.CommitAsync(mark, cancellationToken);

        // Once more after the mark: a match request written while the erasure ran sees the mark, or is found here.
        await matchRequests.EraseFieldsAsync(personId, cancellationToken);

        // After the mark, which stops the projector rewriting them: the breakdowns' rows stay counted and belong to nobody.
        await breakdowns.ForgetAsync(personId, cancellationToken);
    }

    // What a worker wrote on a task (a custom title, an outcome) is free text about the person; the
    // titles of derived tasks and the outcomes the system writes are fixed words and stay.
    // What people wrote about the person on a referral; the decline reason is a fixed word and stays.
    private static Referral ScrubbedOf(Referral referral) => referral with
    {
        Reason = Person.ErasedText,
        Note = referral.Note is null ? null : Person.ErasedText,
        Outcome = referral.Outcome is null ? null : Person.ErasedText,
    };

    private static FollowUpTask ScrubbedOf(FollowUpTask task) => task with
    {
        Title = task.Kind == TaskKind.Custom ? Person.ErasedText : task.Title,
        Outcome = task.Outcome is null || TaskOutcomes.All.Contains(task.Outcome) ? task.Outcome : Person.ErasedText,
    };

    /// <summary>
    /// Rewrites the messages of the queues that mention the person (contact chunks, match calls). Looking
    /// at a message counts as a dequeue, so every message on a live queue uses one of its five attempts here.
    /// </summary>
    private async Task ScrubPendingAsync(string[] queueNames, string personId, Func<string, string, string?> scrub, CancellationToken cancellationToken)
    {
        foreach (var queue in queueNames.Select(storage.Queue))
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
                    var scrubbed = text.Contains(personId, StringComparison.Ordinal) ? scrub(text, personId) : null;
                    await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, scrubbed, TimeSpan.Zero, cancellationToken);
                }

                if (fresh.Count == 0)
                {
                    break;
                }
            }
        }
    }

}
