using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionCases.Functions.PersonFile;

public static class PersonFileServiceCollectionExtensions
{
    /// <summary>The person partition: its store, the access decision on it, its one write path, and the identifier hash.</summary>
    public static IServiceCollection AddPersonFile(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IdentifierHashOptions>()
            .Bind(configuration.GetSection(IdentifierHashOptions.SectionName))
            .Validate(o => IdentifierHashOptions.IsKey(o.IdentifierKey), "Matching:IdentifierKey must be base64 of 32 random bytes (in Azure, a Key Vault reference).")
            .ValidateOnStart();
        return services
            .AddSingleton<IdentifierHasher>()
            .AddSingleton<LinkedPersons>()
            .AddSingleton<PersonFileStore>()
            .AddSingleton<CaseEventPublisher>()
            .AddSingleton<PersonFileAccess>()
            .AddSingleton<PersonFileWriter>();
    }
}
