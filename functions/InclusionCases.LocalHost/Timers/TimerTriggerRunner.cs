using InclusionCases.Functions.Hosting;
using InclusionCases.LocalHost.Discovery;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InclusionCases.LocalHost.Timers;

/// <summary>
/// Runs a timer-triggered function when its schedule is due (checked every second, UTC), and at
/// start when <c>RunOnStartup</c> is set. A run that is still going when the next one is due is not
/// overlapped, as on the Functions host. No singleton lock across processes, no past-due catch-up.
/// </summary>
internal sealed partial class TimerTriggerRunner(TimerFunction function, TimerSchedule schedule, IServiceProvider services, TimeProvider clock, ILogger<TimerTriggerRunner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (function.RunOnStartup)
        {
            await RunAsync(stoppingToken);
        }

        var last = WholeSecond(clock.GetUtcNow());
        using var ticker = new PeriodicTimer(TimeSpan.FromSeconds(1), clock);
        try
        {
            while (await ticker.WaitForNextTickAsync(stoppingToken))
            {
                var second = WholeSecond(clock.GetUtcNow());
                if (second != last && schedule.IsDue(second, last))
                {
                    last = second;
                    await RunAsync(stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host stopping.
        }
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            var arguments = function.Method.GetParameters().Select(p => p.ParameterType == typeof(CancellationToken) ? stoppingToken : (object)new TimerInfo()).ToArray();
            await FunctionInvoker.InvokeAsync(function.Method, scope.ServiceProvider, arguments);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            LogFailed(logger, ex, function.Name);
        }
    }

    private static DateTimeOffset WholeSecond(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer function {Function} failed; it runs again at its next occurrence")]
    private static partial void LogFailed(ILogger logger, Exception exception, string function);
}
