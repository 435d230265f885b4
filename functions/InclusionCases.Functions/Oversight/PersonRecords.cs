using InclusionCases.Domain.Access;
using InclusionCases.Domain.Identity;
using InclusionCases.Domain.Text;
using InclusionCases.Functions.Audit;
using InclusionCases.Functions.Cases;
using InclusionCases.Functions.Consents.Contracts;
using InclusionCases.Functions.Contacts;
using InclusionCases.Functions.Contacts.Contracts;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Localization;
using InclusionCases.Functions.PersonFile;
using InclusionCases.Functions.ReferenceAddresses.Contracts;
using InclusionCases.Functions.Tasks.Contracts;
using InclusionCases.Functions.Referrals.Contracts;

namespace InclusionCases.Functions.Oversight;

/// <summary>The GDPR requests of a person, answered by the data-protection officer.</summary>
public sealed class PersonRecords(PersonFileStore cases, LinkedPersons linked, ContactStore contacts, PersonErasure erasure, Referrals.ReferralMoves referrals, AuditLog audit, TimeProvider clock)
{
    /// <summary>The audit actions that disclose a person's data to someone.</summary>
    private static readonly HashSet<AuditAction> Disclosing = [AuditAction.CaseRead, AuditAction.TimelineRead, AuditAction.OutreachRead, AuditAction.TaskRead, AuditAction.ReferralAccept, AuditAction.PersonExport];

    public async Task<PersonExport> ExportAsync(Caller caller, string personId, CancellationToken cancellationToken)
    {
        var partition = await ReadAsync(personId, AuditAction.PersonExport, cancellationToken);
        var records = await linked.OfAsync(partition, cancellationToken);
        var others = new List<PersonExport>();
        foreach (var other in records.Skip(1))
        {
            await AuditLinkedAsync(caller, AuditAction.PersonExport, other.PersonId, cancellationToken);
            others.Add(await ExportOfAsync(other, [], cancellationToken));
        }

        return await ExportOfAsync(partition, others, cancellationToken);
    }

    public async Task<ErasureResult> EraseAsync(Caller caller, string personId, CancellationToken cancellationToken)
    {
        var partition = await ReadAsync(personId, AuditAction.PersonErase, cancellationToken);
        // Linked records are one person: erased together, each audited on its own person. Each file is read
        // again just before: erasing one rewrites its link's copy in the other.
        var records = await linked.OfAsync(partition, cancellationToken);
        foreach (var other in records.Skip(1))
        {
            await AuditLinkedAsync(caller, AuditAction.PersonErase, other.PersonId, cancellationToken);
            await erasure.EraseAsync(caller, await cases.LoadAsync(other.PersonId, cancellationToken), cancellationToken);
        }

        await erasure.EraseAsync(caller, records.Count > 1 ? await cases.LoadAsync(personId, cancellationToken) : partition, cancellationToken);
        return new ErasureResult(personId, "erased", [.. records.Skip(1).Select(r => r.PersonId)]);
    }

    private Task AuditLinkedAsync(Caller caller, AuditAction action, string personId, CancellationToken cancellationToken) =>
        audit.WriteAsync(new AuditEntry(Storage.EntryIds.New(), clock.GetUtcNow(), caller.Id, caller.OrganisationId, action, "person/" + personId, personId, AuditOutcome.Allowed), cancellationToken);

    private async Task<PersonExport> ExportOfAsync(PersonPartition partition, IReadOnlyList<PersonExport> linkedExports, CancellationToken cancellationToken)
    {
        var personId = partition.PersonId;
        var person = partition.Person!.Value;
        var timelines = await Task.WhenAll(partition.Cases.Select(async c =>
            new CaseTimelineExport(c.Value.Id, [.. (await cases.AllTimelineAsync(personId, c.Value.Id, cancellationToken)).Select(e => CaseProjection.Item(e.Value))])));
        var outreach = await contacts.AllOutreachAsync(personId, cancellationToken);
        // Entries committed with a change but not yet projected to the log are in the outbox rows just read.
        var disclosures = (await audit.AllOfPersonAsync(personId, cancellationToken))
            .UnionBy(partition.OutboxAudit, e => e.Id)
            .Where(e => e.Outcome == AuditOutcome.Allowed && Disclosing.Contains(e.Action))
            .Select(AuditItem.From)
            .ToList();
        return new PersonExport(
            personId,
            clock.GetUtcNow(),
            [.. partition.Cases.Select(c => CaseProjection.Full(c.Value, person))],
            timelines,
            [.. partition.Consents.Select(c => ConsentResponse.From(c.Value))],
            [.. partition.Referrals.Select(r => ReferralResponse.From(referrals.AsOf(r.Value, clock.GetUtcNow()), referrals.ExpiresAt(r.Value.CreatedAt)))],
            [.. partition.Tasks.Select(t => TaskResponse.From(t.Value, Domain.Time.PlausibleDates.Today(clock.GetUtcNow())))],
            partition.ReferenceAddress is { } address ? ReferenceAddressResponse.From(address.Value) : null,
            [.. outreach.Select(ContactResponse.From)],
            disclosures,
            [.. partition.Links.Select(l => Matching.Contracts.PersonLinkResponse.From(l.Value))],
            linkedExports);
    }

    // The auditor's role was checked by the request pipeline; the entry is written beside the read.
    private async Task<PersonPartition> ReadAsync(string personId, AuditAction action, CancellationToken cancellationToken)
    {
        if (!RecordIds.IsPersonId(personId))
        {
            throw ApiProblemException.Invalid("personId", DomainText.NotAPersonId);
        }

        var partition = await audit.BesideAsync(action, "person/" + personId, personId, () => cases.LoadAsync(personId, cancellationToken), cancellationToken);
        return partition.Person is null ? throw ApiProblemException.NotFound(ApiText.NotFoundPerson) : partition;
    }
}
