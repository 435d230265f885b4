using InclusionCases.Functions.PersonFile;
using InclusionCases.Functions.Pipeline;
using Microsoft.Azure.Functions.Worker;

namespace InclusionCases.Functions.Cases;

/// <summary>The <c>case-events</c> queue trigger: projects the person's partition into the indexes.</summary>
public sealed class CaseEventsFunction(BackgroundWork background, CaseProjector projector)
{
    [Function(nameof(ProjectCaseEvents))]
    public Task ProjectCaseEvents([QueueTrigger("%" + Storage.QueueNames.CaseEventsSetting + "%")] string body, CancellationToken cancellationToken)
    {
        var message = Http.QueueMessages.Parse<CaseEventMessage>(body);
        // A message that names no person is malformed: failing it sends it to the poison queue.
        if (!RecordIds.IsPersonId(message.PersonId))
        {
            throw new FormatException("A case-events message must name a person id.");
        }

        return background.RunMessageAsync(ct => projector.ProjectAsync(message.PersonId, ct), cancellationToken);
    }
}
