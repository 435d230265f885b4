using Microsoft.Extensions.DependencyInjection;

namespace InclusionCases.Functions.PersonFile;

public static class PersonFileServiceCollectionExtensions
{
    /// <summary>The person partition: its store, the access decision on it, and its one write path.</summary>
    public static IServiceCollection AddPersonFile(this IServiceCollection services) => services
        .AddSingleton<PersonFileStore>()
        .AddSingleton<CaseEventPublisher>()
        .AddSingleton<PersonFileAccess>()
        .AddSingleton<PersonFileWriter>();
}
