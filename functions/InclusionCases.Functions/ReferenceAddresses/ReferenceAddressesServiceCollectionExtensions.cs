using InclusionCases.Functions.ReferenceAddresses.UseCases;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionCases.Functions.ReferenceAddresses;

public static class ReferenceAddressesServiceCollectionExtensions
{
    public static IServiceCollection AddReferenceAddresses(this IServiceCollection services) => services
        .AddSingleton<CpasCheck>()
        .AddSingleton<SetReferenceAddress>()
        .AddSingleton<RecordCheckIn>();
}
