using InclusionCases.Functions.Pipeline;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace InclusionCases.Functions.Tasks;

/// <summary>The daily task re-check (schedule in the <c>TaskRecheckSchedule</c> setting, NCRONTAB, e.g. daily at 00:05 UTC, which is already the day in Brussels).</summary>
public sealed partial class TaskRecheckFunction(BackgroundWork background, TaskRecheckJob job, ILogger<TaskRecheckFunction> logger)
{
    public const string ScheduleSetting = "TaskRecheckSchedule";

    [Function(nameof(RecheckTasks))]
    public Task RecheckTasks([TimerTrigger("%" + ScheduleSetting + "%")] TimerInfo timer, CancellationToken cancellationToken) =>
        background.RunTimerAsync(
            async ct =>
            {
                var persons = await job.RunAsync(ct);
                LogRun(logger, persons);
            },
            cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Task re-check: {Persons} persons planned again")]
    private static partial void LogRun(ILogger logger, int persons);
}
