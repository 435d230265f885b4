using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Storage.Queues.Models;
using InclusionCases.Domain.Access;
using InclusionCases.Domain.Identity;
using InclusionCases.Functions.Audit;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Localization;
using InclusionCases.Functions.Storage;

namespace InclusionCases.Functions.Operations;

/// <summary>Lets operators see the poison messages of every queue the app uses, and put them back.</summary>
public sealed class PoisonQueues(StorageAccount storage, QueueNames queues, AuditLog audit)
{
    private const int PeekLimit = 32;
    private static readonly TimeSpan ScanLease = TimeSpan.FromSeconds(30);

    public async Task<IReadOnlyList<PoisonMessage>> ListAsync(Caller caller, CancellationToken cancellationToken)
    {
        await audit.RecordAttemptAsync(AuditAction.PoisonList, "queues", null, cancellationToken);
        var lists = await Task.WhenAll(queues.All.Select(q => PeekAsync(q, cancellationToken)));
        return [.. lists.SelectMany(l => l)];
    }

    public async Task<ReplayResult> ReplayAsync(Caller caller, string queue, ReplayRequest? request, CancellationToken cancellationToken)
    {
        await audit.RecordAttemptAsync(AuditAction.PoisonReplay, "queue/" + queue, null, cancellationToken);
        if (!queues.All.Contains(queue))
        {
            throw ApiProblemException.NotFound(ApiText.NotFoundQueue);
        }

        if (request?.Replacement is not null && request.MessageId is null)
        {
            throw ApiProblemException.Invalid("replacement", ApiText.ReplacementNeedsMessageId);
        }

        var poison = storage.Queue(QueueNames.PoisonOf(queue));
        var target = storage.Queue(queue);
        var held = new List<QueueMessage>();
        var replayed = 0;
        try
        {
            while (true)
            {
                QueueMessage[] batch;
                try
                {
                    batch = (await poison.ReceiveMessagesAsync(PeekLimit, ScanLease, cancellationToken)).Value;
                }
                catch (RequestFailedException ex) when (ex.Status == 404)
                {
                    batch = [];
                }

                if (batch.Length == 0)
                {
                    break;
                }

                foreach (var message in batch)
                {
                    if (request?.MessageId is { } wanted && message.MessageId != wanted)
                    {
                        held.Add(message);
                        continue;
                    }

                    if (request?.Replacement is { } replacement && queue == queues.ContactIntake
                        && Contacts.ContactIntakeMessage.CheckReplacement(message.Body.ToString(), replacement) is { } errors)
                    {
                        // Left on the poison queue, visible again at once (finally below).
                        held.Add(message);
                        throw ApiProblemException.Invalid(errors);
                    }

                    var body = request?.Replacement is { } repaired ? repaired.GetRawText() : message.Body.ToString();
                    await target.SendMessageAsync(body, cancellationToken);
                    await poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                    replayed++;
                }

                if (request?.MessageId is not null && replayed > 0)
                {
                    break;
                }
            }
        }
        finally
        {
            // Messages looked at but not replayed are visible again at once.
            foreach (var message in held)
            {
                await poison.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: CancellationToken.None);
            }
        }

        if (request?.MessageId is not null && replayed == 0)
        {
            throw ApiProblemException.NotFound(ApiText.NotFoundPoisonMessage);
        }

        return new ReplayResult(queue, replayed);
    }

    private async Task<IEnumerable<PoisonMessage>> PeekAsync(string queue, CancellationToken cancellationToken)
    {
        try
        {
            var peeked = await storage.Queue(QueueNames.PoisonOf(queue)).PeekMessagesAsync(PeekLimit, cancellationToken);
            return peeked.Value.Select(m => new PoisonMessage(queue, m.MessageId, m.InsertedOn, m.DequeueCount, Preview(m.Body)));
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return [];
        }
    }

    /// <summary>The message's shape without its values, e.g. <c>{batchId, contacts[12], organisationId}; 4211 bytes</c>.</summary>
    internal static string Preview(BinaryData body)
    {
        var size = body.ToMemory().Length.ToString(CultureInfo.InvariantCulture) + " bytes";
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return $"JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}; {size}";
            }

            var fields = document.RootElement.EnumerateObject().Select(p => p.Value.ValueKind == JsonValueKind.Array
                ? $"{p.Name}[{p.Value.GetArrayLength().ToString(CultureInfo.InvariantCulture)}]"
                : p.Name);
            return "{" + string.Join(", ", fields) + "}; " + size;
        }
        catch (JsonException)
        {
            return "not JSON; " + size;
        }
    }
}
