using InclusionCases.Functions.Idempotency;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionCases.Functions.Pipeline;

public static class PipelineServiceCollectionExtensions
{
    /// <summary>The one request pipeline every HTTP function runs through, and its counterpart for queue and timer functions.</summary>
    public static IServiceCollection AddRequestPipeline(this IServiceCollection services) => services
        .AddSingleton<IdempotencyStore>()
        .AddSingleton<IdempotentRequests>()
        .AddSingleton<HttpApi>()
        .AddSingleton<BackgroundWork>();
}
