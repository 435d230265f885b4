using InclusionCases.Functions.Storage;
using Microsoft.Extensions.Logging;

namespace InclusionCases.Functions.Cases;

/// <summary>
/// Tells the <c>case-events</c> projector that a person's partition has outbox rows to project.
/// Sent after the batch that wrote them has committed. If the send fails the change stands (the
/// caller is not told to retry a write that happened); the outbox row stays for a sweeper to find.
/// </summary>
public sealed partial class CaseEventPublisher(StorageAccount storage, QueueNames queues, ILogger<CaseEventPublisher> logger)
{
    public async Task PublishAsync(string personId, CancellationToken cancellationToken)
    {
        try
        {
            await storage.Queue(queues.CaseEvents).SendMessageAsync(Http.QueueMessages.Serialize(new CaseEventMessage(personId)), cancellationToken);
        }
        catch (Exception ex) when (StorageFaults.IsUnavailable(ex) || ex is Azure.RequestFailedException)
        {
            LogNotPublished(logger, ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A case event could not be queued ({ExceptionType}); its outbox row waits for the sweeper")]
    private static partial void LogNotPublished(ILogger logger, string exceptionType);
}
