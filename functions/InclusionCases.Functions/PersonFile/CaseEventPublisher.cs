using InclusionCases.Functions.Storage;
using Microsoft.Extensions.Logging;

namespace InclusionCases.Functions.PersonFile;

/// <summary>
/// Tells the <c>case-events</c> projector that a person's partition has outbox rows to project.
/// Sent beside the batch that writes them, delayed (see <see cref="PersonFileWriter"/>). If the send fails the change stands (the
/// caller is not told to retry a write that happened); the outbox row stays for a sweeper to find.
/// </summary>
public sealed partial class CaseEventPublisher(StorageAccount storage, QueueNames queues, ILogger<CaseEventPublisher> logger)
{
    /// <summary>How long a message sent beside a commit stays hidden, so the projector reads what the commit wrote.</summary>
    public static readonly TimeSpan AfterCommit = TimeSpan.FromSeconds(1);

    public async Task PublishAsync(string personId, CancellationToken cancellationToken, TimeSpan? delay = null)
    {
        try
        {
            await storage.Queue(queues.CaseEvents).SendMessageAsync(Http.QueueMessages.Serialize(new CaseEventMessage(personId)), delay, cancellationToken: cancellationToken);
        }
        catch (Exception ex) when (StorageFaults.IsUnavailable(ex) || ex is Azure.RequestFailedException)
        {
            LogNotPublished(logger, ex.GetType().Name);
        }
    }

    /// <summary>About how many messages wait on the queue (the storage's own estimate).</summary>
    public async Task<int> ApproximateDepthAsync(CancellationToken cancellationToken) =>
        (await storage.Queue(queues.CaseEvents).GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;

    [LoggerMessage(Level = LogLevel.Warning, Message = "A case event could not be queued ({ExceptionType}); its outbox row waits for the sweeper")]
    private static partial void LogNotPublished(ILogger logger, string exceptionType);
}
