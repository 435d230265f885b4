using InclusionCases.Domain.Identity;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Localization;

namespace InclusionCases.Functions.Matching.UseCases;

/// <summary>Reads a match request sent to the caller's organisation that it may still answer: 404 for any other id, 409 once answered or expired.</summary>
internal static class AnsweredMatchRequest
{
    public static async Task<(MatchRequestRecord Request, Azure.ETag ETag)> OpenAsync(MatchRequestStore store, Caller caller, string id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!MatchRequestIds.IsIncoming(id) || await store.GetIncomingAsync(caller.OrganisationId, id, cancellationToken) is not { } found)
        {
            throw ApiProblemException.NotFound(ApiText.NotFoundMatchRequest);
        }

        return found.Request.IsOpen(now) ? found : throw ApiProblemException.Conflict(ApiText.MatchRequestAnswered);
    }
}
