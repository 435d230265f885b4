using InclusionCases.Functions.Pipeline;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace InclusionCases.Functions.Retention;

/// <summary>The retention timer (schedule in the <c>RetentionSchedule</c> setting, NCRONTAB, e.g. daily at 03:30).</summary>
public sealed partial class RetentionFunction(BackgroundWork background, RetentionJob job, ILogger<RetentionFunction> logger)
{
    public const string ScheduleSetting = "RetentionSchedule";

    [Function(nameof(ApplyRetention))]
    public Task ApplyRetention([TimerTrigger("%" + ScheduleSetting + "%")] TimerInfo timer, CancellationToken cancellationToken) =>
        background.RunTimerAsync(
            async ct =>
            {
                var run = await job.RunAsync(ct);
                LogRun(logger, run.PersonsAnonymised, run.ContactsAnonymised);
            },
            cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: {Persons} persons and {Contacts} contacts anonymised")]
    private static partial void LogRun(ILogger logger, int persons, int contacts);
}
