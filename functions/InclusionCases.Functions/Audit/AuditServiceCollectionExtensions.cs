using Microsoft.Extensions.DependencyInjection;

namespace InclusionCases.Functions.Audit;

public static class AuditServiceCollectionExtensions
{
    public static IServiceCollection AddAudit(this IServiceCollection services) => services.AddSingleton<AuditLog>();
}
