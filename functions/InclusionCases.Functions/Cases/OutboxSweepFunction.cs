using InclusionCases.Functions.Pipeline;
using Microsoft.Azure.Functions.Worker;

namespace InclusionCases.Functions.Cases;

/// <summary>The outbox sweeper's timer (schedule in the <c>OutboxSweepSchedule</c> setting, every minute by default).</summary>
public sealed class OutboxSweepFunction(BackgroundWork background, OutboxSweeper sweeper)
{
    public const string ScheduleSetting = "OutboxSweepSchedule";

    [Function(nameof(SweepOutbox))]
    public Task SweepOutbox([TimerTrigger("%" + ScheduleSetting + "%")] TimerInfo timer, CancellationToken cancellationToken) =>
        background.RunTimerAsync(sweeper.SweepAsync, cancellationToken);
}
