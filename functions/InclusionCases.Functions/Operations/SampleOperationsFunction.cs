using InclusionCases.Functions.Pipeline;
using Microsoft.Azure.Functions.Worker;

namespace InclusionCases.Functions.Operations;

/// <summary>The operations sampler's timer (schedule in the <c>OperationsSampleSchedule</c> setting, every 5 minutes by default).</summary>
public sealed class SampleOperationsFunction(BackgroundWork background, OperationsSampler sampler)
{
    public const string ScheduleSetting = "OperationsSampleSchedule";

    [Function(nameof(SampleOperations))]
    public Task SampleOperations([TimerTrigger("%" + ScheduleSetting + "%")] TimerInfo timer, CancellationToken cancellationToken) =>
        background.RunTimerAsync(sampler.SampleAsync, cancellationToken);
}
