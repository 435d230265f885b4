using Microsoft.Extensions.DependencyInjection;

namespace InclusionCases.Functions.Contacts;

public static class ContactsServiceCollectionExtensions
{
    public static IServiceCollection AddContacts(this IServiceCollection services) => services
        .AddSingleton<ContactStore>()
        .AddSingleton<Tasks.IContactFollowUps>(sp => sp.GetRequiredService<ContactStore>())
        .AddSingleton<ContactService>()
        .AddSingleton<ContactIntake>();
}
