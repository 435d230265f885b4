using InclusionCases.Domain.Time;
using InclusionCases.Functions.PersonFile;
using InclusionCases.Functions.Storage;
using Microsoft.Extensions.Logging;

namespace InclusionCases.Functions.Tasks;

/// <summary>
/// Plans again the derived tasks of the persons due today in <see cref="TaskRecheckIndex"/>: a consent
/// entering its last 30 days gets its task that day, one that ended has its task closed, without any
/// other change to the file. It looks back <see cref="LookBackDays"/> days, so a job that did not run
/// for a while catches up; a row goes once its person is planned (the planning schedules the next).
/// Running it twice, or beside the projector, opens nothing twice: planning is idempotent. A person
/// whose planning fails is logged and keeps its row for the next run; the others go on. A storage
/// outage stops the run, to be retried whole.
/// </summary>
public sealed partial class TaskRecheckJob(TaskRecheckIndex rechecks, PersonFileStore store, LinkedPersons linked, TaskProjection tasks, TimeProvider clock, ILogger<TaskRecheckJob> logger)
{
    public const int LookBackDays = 31;

    /// <summary>Plans the due persons again; returns how many.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = PlausibleDates.Today(now);
        var persons = 0;
        for (var day = today.AddDays(-LookBackDays); day <= today; day = day.AddDays(1))
        {
            foreach (var personId in await rechecks.DueAsync(day, cancellationToken))
            {
                try
                {
                    var file = await store.LoadAsync(personId, cancellationToken);
                    await tasks.ProjectAsync(await linked.OfAsync(file, cancellationToken), now, cancellationToken);
                    await rechecks.RemoveAsync(personId, day, cancellationToken);
                    persons++;
                }
                catch (Exception ex) when (!StorageFaults.IsUnavailable(ex) && !cancellationToken.IsCancellationRequested)
                {
                    LogPersonFailed(logger, ex.GetType().Name);
                }
            }
        }

        return persons;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Task re-check: one person could not be planned again ({ExceptionType}); their row waits for the next run")]
    private static partial void LogPersonFailed(ILogger logger, string exceptionType);
}
