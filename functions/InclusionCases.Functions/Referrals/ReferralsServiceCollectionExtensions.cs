using InclusionCases.Functions.Referrals.UseCases;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionCases.Functions.Referrals;

public static class ReferralsServiceCollectionExtensions
{
    public static IServiceCollection AddReferrals(this IServiceCollection services) => services
        .AddSingleton<ReferralIndex>()
        .AddSingleton<CreateReferral>()
        .AddSingleton<ListReferrals>()
        .AddSingleton<DecideReferral>();
}
