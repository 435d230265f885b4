using InclusionCases.Functions.Pipeline;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace InclusionCases.Functions.Referrals;

/// <summary>The referral expiry timer (schedule in the <c>ReferralExpirySchedule</c> setting, NCRONTAB, e.g. hourly).</summary>
public sealed partial class ExpireReferralsFunction(BackgroundWork background, ExpireReferralsJob job, ILogger<ExpireReferralsFunction> logger)
{
    public const string ScheduleSetting = "ReferralExpirySchedule";

    [Function(nameof(ExpireReferrals))]
    public Task ExpireReferrals([TimerTrigger("%" + ScheduleSetting + "%")] TimerInfo timer, CancellationToken cancellationToken) =>
        background.RunTimerAsync(
            async ct =>
            {
                var expired = await job.RunAsync(ct);
                LogRun(logger, expired);
            },
            cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Referral expiry: {Referrals} referrals expired")]
    private static partial void LogRun(ILogger logger, int referrals);
}
