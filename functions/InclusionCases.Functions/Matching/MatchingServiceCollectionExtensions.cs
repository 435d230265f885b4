using InclusionCases.Functions.Matching.UseCases;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionCases.Functions.Matching;

public static class MatchingServiceCollectionExtensions
{
    /// <summary>Person matching: the index the projector keeps, the per-caller limit, match requests and their use cases.</summary>
    public static IServiceCollection AddMatching(this IServiceCollection services) => services
        .AddSingleton<MatchIndex>()
        .AddSingleton<MatchIndexProjection>()
        .AddSingleton<MatchCallLimit>()
        .AddSingleton<MatchRequestStore>()
        .AddSingleton<MatchCalls>()
        .AddSingleton<MatchPerson>()
        .AddSingleton<SendMatchRequests>()
        .AddSingleton<ListMatchRequests>()
        .AddSingleton<ReferMatchRequest>()
        .AddSingleton<DismissMatchRequest>()
        .AddSingleton<LinkPersons>()
        .AddSingleton<SplitPersons>();
}
