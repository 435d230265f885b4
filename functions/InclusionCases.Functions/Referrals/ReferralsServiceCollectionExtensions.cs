using InclusionCases.Functions.Referrals.UseCases;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionCases.Functions.Referrals;

public static class ReferralsServiceCollectionExtensions
{
    public static IServiceCollection AddReferrals(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReferralOptions>()
            .Bind(configuration.GetSection(ReferralOptions.SectionName))
            .Validate(o => o.PendingDays is >= 1 and <= 365, "Referrals:PendingDays must be from 1 to 365.")
            .ValidateOnStart();
        return services
            .AddSingleton<ReferralIndex>()
            .AddSingleton<ReferralMoves>()
            .AddSingleton<ExpireReferralsJob>()
            .AddSingleton<CreateReferral>()
            .AddSingleton<ListReferrals>()
            .AddSingleton<AcceptReferral>()
            .AddSingleton<DeclineReferral>()
            .AddSingleton<WithdrawReferral>()
            .AddSingleton<CompleteReferral>();
    }
}
