using InclusionCases.Functions.Storage;

namespace InclusionCases.Functions.Matching;

/// <summary>Queues each match call on <c>match-requests</c>, for its holders to be looked for (<see cref="UseCases.SendMatchRequests"/>).</summary>
public sealed class MatchCalls(StorageAccount storage, QueueNames queues)
{
    public Task SendAsync(MatchCallMessage call, CancellationToken cancellationToken) =>
        storage.Queue(queues.MatchRequests).SendMessageAsync(Http.QueueMessages.Serialize(call), cancellationToken);
}
