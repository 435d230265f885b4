using InclusionCases.Domain.Identity;

namespace InclusionCases.Functions.Audit;

/// <summary>
/// The audit entry of the request being served: which attempt it records and whether it is already
/// in storage. Use cases declare the attempt when they know the resource (<see cref="Attempt"/>); the
/// entry is then written beside a read (<see cref="AuditLog.BesideAsync{T}"/>) or carried in a
/// person-file commit. The request pipeline settles whatever is left: a refusal rewrites the
/// attempt as denied (or records one under the route's action), and an attempt neither written nor
/// committed is written before the answer goes out. So every audited request leaves exactly one
/// entry, whichever path it took.
/// </summary>
public sealed class RequestAudit
{
    private static readonly AsyncLocal<RequestAudit?> CurrentRequest = new();

    internal RequestAudit(Caller caller, AuditAction action, string resource, string? personId)
    {
        Caller = caller;
        DefaultAction = action;
        DefaultResource = resource;
        DefaultPersonId = personId;
    }

    /// <summary>The request being served on this async flow, if any (none for queue and timer triggers).</summary>
    public static RequestAudit? Current => CurrentRequest.Value;

    public Caller Caller { get; }

    /// <summary>The attempt's entry, once declared.</summary>
    public AuditEntry? Entry { get; private set; }

    /// <summary>Whether <see cref="Entry"/> is in storage (written, or committed in an outbox row).</summary>
    public bool Stored { get; private set; }

    internal AuditAction DefaultAction { get; }

    internal string DefaultResource { get; }

    internal string? DefaultPersonId { get; }

    /// <summary>Declares what the request attempts; a later declaration replaces an earlier unwritten one.</summary>
    public AuditEntry Attempt(AuditAction action, string resource, string? personId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(action);
        Entry = new AuditEntry(Storage.EntryIds.New(), at, Caller.Id, Caller.OrganisationId, action, resource, personId, AuditOutcome.Allowed);
        Stored = false;
        return Entry;
    }

    /// <summary>The entry is in storage: written beside a read, or committed with a change.</summary>
    public void MarkStored() => Stored = Entry is not null;

    internal static IDisposable Begin(RequestAudit audit)
    {
        var previous = CurrentRequest.Value;
        CurrentRequest.Value = audit;
        return new Scope(previous);
    }

    private sealed class Scope(RequestAudit? previous) : IDisposable
    {
        public void Dispose() => CurrentRequest.Value = previous;
    }
}
