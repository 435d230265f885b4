using InclusionCases.Domain.Cases;
using InclusionCases.Functions.Cases;
using InclusionCases.Functions.Contacts;
using InclusionCases.Functions.Idempotency;
using InclusionCases.Functions.Oversight;
using Microsoft.Extensions.Options;
using InclusionCases.Functions.PersonFile;

namespace InclusionCases.Functions.Retention;

/// <summary>
/// Anonymises what has been kept long enough, exactly as an erasure does: a person once every case
/// of theirs has been closed for <see cref="RetentionOptions.ClosedCaseYears"/>, a street contact's
/// free text once it is <see cref="RetentionOptions.ContactYears"/> old. It reads the months past
/// their period from <see cref="RetentionIndex"/> (looking back <see cref="LookBackMonths"/> more, so
/// a job that did not run for a while catches up) and checks each record before touching it; a
/// month of an organisation's contacts is dropped from the index once all of it is past its period.
/// It also deletes idempotency keys that expired before today, with the first answers they kept, and
/// webhook deliveries past their <see cref="Webhooks.DeliveryLog.KeptDays"/> days.
/// </summary>
public sealed class RetentionJob(
    RetentionIndex index, PersonFileStore cases, ContactStore contacts, PersonErasure erasure, IdempotencyStore idempotencyKeys, Webhooks.DeliveryLog deliveries, IOptions<RetentionOptions> options, TimeProvider clock)
{
    public const int LookBackMonths = 24;

    public async Task<RetentionRun> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var caseCutoff = today.AddYears(-options.Value.ClosedCaseYears);
        var persons = 0;
        foreach (var row in await index.DueAsync("closed", caseCutoff.AddMonths(-LookBackMonths), caseCutoff, cancellationToken))
        {
            var partition = await cases.LoadAsync(row.GetString("PersonId"), cancellationToken);
            var closedCase = partition.Case(row.RowKey)?.Value;
            if (partition.Person is null || closedCase is null || closedCase.Status != CaseStatus.Closed)
            {
                await index.RemoveAsync(row, cancellationToken); // reopened or gone: indexed again if closed again
                continue;
            }

            if (partition.Cases.All(c => c.Value.Status == CaseStatus.Closed && RetentionIndex.ClosedOn(c.Value) <= caseCutoff))
            {
                persons += partition.Person.Value.ErasedAt is null ? 1 : 0;
                await erasure.EraseAsync(null, partition, cancellationToken);
                await index.RemoveAsync(row, cancellationToken);
            }
        }

        var contactCutoff = now.AddYears(-options.Value.ContactYears);
        var contactMonth = DateOnly.FromDateTime(contactCutoff.UtcDateTime);
        var anonymised = 0;
        foreach (var row in await index.DueAsync(RetentionIndex.ContactsKind, contactMonth.AddMonths(-LookBackMonths), contactMonth, cancellationToken))
        {
            var monthStart = RetentionIndex.MonthStart(row);
            var monthEnd = monthStart.AddMonths(1);
            var last = monthEnd <= contactCutoff ? monthEnd.AddTicks(-1) : contactCutoff;
            await foreach (var stored in contacts.ObservedAsync(row.RowKey, monthStart, last, cancellationToken))
            {
                if (HasFreeText(stored.Contact))
                {
                    await contacts.EraseFreeTextAsync(stored, cancellationToken);
                    anonymised++;
                }
            }

            if (monthEnd <= contactCutoff)
            {
                await index.RemoveAsync(row, cancellationToken); // the whole month is done
            }
        }

        // A kept answer can hold personal data (the case just created): it is not kept past its use.
        await idempotencyKeys.RemoveExpiredAsync(now, cancellationToken);

        // Delivery logs name the person's cases and the times of what happened to them: a month is enough to follow a partner's receiver.
        await deliveries.PurgeAsync(now, cancellationToken);
        return new RetentionRun(persons, anonymised);
    }

    private static bool HasFreeText(Domain.Contacts.StreetContact c) =>
        (c.Alias is { } alias && alias != Domain.Persons.Person.ErasedText) || (c.Notes is { } notes && notes != Domain.Persons.Person.ErasedText);
}
