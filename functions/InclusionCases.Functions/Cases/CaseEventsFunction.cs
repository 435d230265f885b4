using Microsoft.Azure.Functions.Worker;
using InclusionCases.Functions.PersonFile;

namespace InclusionCases.Functions.Cases;

/// <summary>The <c>case-events</c> queue trigger: projects the person's partition into the indexes.</summary>
public sealed class CaseEventsFunction(CaseProjector projector)
{
    [Function(nameof(ProjectCaseEvents))]
    public async Task ProjectCaseEvents([QueueTrigger("%" + Storage.QueueNames.CaseEventsSetting + "%")] string body, CancellationToken cancellationToken)
    {
        var message = Http.QueueMessages.Parse<CaseEventMessage>(body);
        // A message that names no person is malformed: failing it sends it to the poison queue.
        if (!RecordIds.IsPersonId(message.PersonId))
        {
            throw new FormatException("A case-events message must name a person id.");
        }

        await projector.ProjectAsync(message.PersonId, cancellationToken);
    }
}
