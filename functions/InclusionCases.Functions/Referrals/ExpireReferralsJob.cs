using InclusionCases.Domain.Referrals;
using InclusionCases.Domain.Webhooks;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.PersonFile;
using InclusionCases.Functions.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InclusionCases.Functions.Referrals;

/// <summary>
/// Writes down the expiry of the referrals that stayed pending for <see cref="ReferralOptions.PendingDays"/>
/// days, through the person-file write path, so the change reaches the indexes and whatever follows
/// committed changes. Reads already treat such a referral as expired; this makes it so in storage.
/// A referral answered meanwhile (the write meets a changed row) is left to its answer. One that fails
/// otherwise is logged and tried again on the next run; the others go on. A storage outage stops the run.
/// </summary>
public sealed partial class ExpireReferralsJob(ReferralIndex index, PersonFileStore store, PersonFileWriter writer, IOptions<ReferralOptions> options, TimeProvider clock, ILogger<ExpireReferralsJob> logger)
{
    /// <summary>Expires what is due; returns how many referrals it expired.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var expired = 0;
        foreach (var (personId, referralId, rowKey) in await index.PendingMadeBeforeAsync(now.AddDays(-options.Value.PendingDays), cancellationToken))
        {
            try
            {
                expired += await ExpireAsync(personId, referralId, rowKey, cancellationToken) ? 1 : 0;
            }
            catch (Exception ex) when (!StorageFaults.IsUnavailable(ex) && !cancellationToken.IsCancellationRequested)
            {
                LogReferralFailed(logger, ex.GetType().Name);
            }
        }

        return expired;
    }

    private async Task<bool> ExpireAsync(string personId, string referralId, string rowKey, CancellationToken cancellationToken)
    {
        var file = await store.LoadAsync(personId, cancellationToken);
        var stored = file.Referral(referralId);
        if (stored is null || stored.Value.Status != ReferralStatus.Pending)
        {
            await index.RemovePendingAsync(rowKey, cancellationToken);
            return false;
        }

        var change = writer.Begin(personId, null, "referral.expired");
        var referral = stored.Value with { Status = ReferralStatus.Expired, ClosedAt = change.Now };
        change.Replace(CaseEntities.ToEntity(referral, personId), stored.ETag)
            .Notify(WebhookEventTypes.ReferralExpired, referral.FromOrganisationId, referral.CaseId, referralId: referralId)
            .Notify(WebhookEventTypes.ReferralExpired, referral.ToOrganisationId, referral.CaseId, referralId: referralId);
        if (file.Case(referral.CaseId) is { } caseRow)
        {
            change.Timeline(caseRow.Value, TimelineKind.ReferralExpired, new Dictionary<string, string> { ["referralId"] = referralId, ["organisationId"] = referral.ToOrganisationId });
        }

        try
        {
            await writer.CommitAsync(change, cancellationToken);
            return true;
        }
        catch (ApiProblemException ex) when (ex.Type == ProblemTypes.PreconditionFailed || ex.Type == ProblemTypes.Conflict)
        {
            // Answered or withdrawn while we read it: that move stands, and its projection drops the row.
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Referral expiry: one referral could not be expired ({ExceptionType}); the next run tries again")]
    private static partial void LogReferralFailed(ILogger logger, string exceptionType);
}
