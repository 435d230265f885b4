using InclusionCases.Functions.Audit;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Localization;
using InclusionCases.Functions.Reports.Contracts;
using InclusionCases.Functions.Storage;

namespace InclusionCases.Functions.Reports.UseCases;

/// <summary>A night count with its tallies as of now, for Coordinators and Auditors: contacts uploaded late are counted as they arrive.</summary>
public sealed class GetNightCount(NightCounts counts, NightCountTallies tallies, AuditLog audit)
{
    public async Task<NightCountResponse> ExecuteAsync(string id, CancellationToken cancellationToken)
    {
        await audit.RecordAttemptAsync(AuditAction.NightCountRead, "counts/" + id, null, cancellationToken);
        var count = (TableKeys.IsValid(id) ? await counts.FindAsync(id, cancellationToken) : null) ?? throw ApiProblemException.NotFound(ApiText.NotFoundNightCount);
        return await tallies.OfAsync(count, cancellationToken);
    }
}
