using InclusionCases.Functions.Matching.UseCases;
using InclusionCases.Functions.Pipeline;
using Microsoft.Azure.Functions.Worker;

namespace InclusionCases.Functions.Matching;

/// <summary>The <c>match-requests</c> queue trigger: the holders' side of one match call per message.</summary>
public sealed class SendMatchRequestsFunction(BackgroundWork background, SendMatchRequests send)
{
    [Function(nameof(SendMatchRequests))]
    public Task SendMatchRequests([QueueTrigger("%" + Storage.QueueNames.MatchRequestsSetting + "%")] string body, CancellationToken cancellationToken)
    {
        var message = Http.QueueMessages.Parse<MatchCallMessage>(body);
        // A message that names no call is malformed: failing it sends it to the poison queue.
        if (!MatchRequestIds.IsRequest(message.RequestId) || string.IsNullOrEmpty(message.OrganisationId) || message.Aliases is null || message.IdentifierHashes is null || message.IdentifierSchemes is null || message.Answered is null)
        {
            throw new FormatException("A match-requests message must name a match call, its organisation and its fields.");
        }

        return background.RunMessageAsync(ct => send.ExecuteAsync(message, ct), cancellationToken);
    }
}
