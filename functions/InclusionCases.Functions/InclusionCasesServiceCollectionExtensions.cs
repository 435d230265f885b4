using InclusionCases.Functions.Audit;
using InclusionCases.Functions.Cases;
using InclusionCases.Functions.Consents;
using InclusionCases.Functions.Contacts;
using InclusionCases.Functions.Health;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Identity;
using InclusionCases.Functions.OpenApi;
using InclusionCases.Functions.Operations;
using InclusionCases.Functions.Organisations;
using InclusionCases.Functions.Oversight;
using InclusionCases.Functions.Pipeline;
using InclusionCases.Functions.PersonFile;
using InclusionCases.Functions.ReferenceAddresses;
using InclusionCases.Functions.Referrals;
using InclusionCases.Functions.Reports;
using InclusionCases.Functions.Retention;
using InclusionCases.Functions.Storage;
using InclusionCases.Functions.Tasks;
using InclusionCases.Functions.Matching;
using InclusionCases.Functions.Telemetry;
using InclusionCases.Functions.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace InclusionCases.Functions;

/// <summary>The composition root of the app, shared by the Functions host and the local host.</summary>
public static class InclusionCasesServiceCollectionExtensions
{
    public static IServiceCollection AddInclusionCases(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        services.AddSingleton(TimeProvider.System);
        return services
            .AddStorage(configuration)
            .AddTelemetry()
            .AddIdentity(configuration, environment)
            .AddRequestPipeline()
            .AddOrganisations()
            .AddHealth()
            .AddOpenApi()
            .AddAudit()
            .AddPersonFile(configuration)
            .AddCases()
            .AddConsents()
            .AddReferrals(configuration)
            .AddTasks()
            .AddWebhooks(configuration, environment)
            .AddMatching()
            .AddReferenceAddresses()
            .AddContacts()
            .AddOperations()
            .AddOversight()
            .AddReports()
            .AddRetention(configuration);
    }
}
