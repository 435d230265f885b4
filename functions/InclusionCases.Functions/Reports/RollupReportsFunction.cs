using InclusionCases.Functions.Pipeline;
using Microsoft.Azure.Functions.Worker;

namespace InclusionCases.Functions.Reports;

/// <summary>The report rollup timer (schedule in the <c>ReportRollupSchedule</c> setting): recomputes the months marked dirty.</summary>
public sealed class RollupReportsFunction(BackgroundWork background, ReportCounters counters)
{
    public const string ScheduleSetting = "ReportRollupSchedule";

    [Function(nameof(RollupReports))]
    public Task RollupReports([TimerTrigger("%" + ScheduleSetting + "%")] TimerInfo timer, CancellationToken cancellationToken) =>
        background.RunTimerAsync(counters.RecomputeDirtyAsync, cancellationToken);
}
