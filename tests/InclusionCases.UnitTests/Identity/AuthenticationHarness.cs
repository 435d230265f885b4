using System.Security.Cryptography;
using InclusionCases.Domain.Identity;
using InclusionCases.Functions.Identity;
using InclusionCases.Tools.Tokens;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;

namespace InclusionCases.UnitTests.Identity;

/// <summary>The app's real authentication registration, with memberships held in memory: no I/O.</summary>
internal sealed class AuthenticationHarness
{
    // A client id of no real application, in the GUID form Entra v2 tokens carry as "aud".
    public const string Audience = "0f6d2b8a-3c1e-4e5f-9a7b-8c9d0e1f2a3b";

    public AuthenticationHarness(params Membership[] memberships)
    {
        SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        Options = new DevelopmentAuthOptions { SigningKey = SigningKey, Audience = Audience };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Auth:Mode"] = "Development",
            ["Auth:Development:SigningKey"] = SigningKey,
            ["Auth:Development:Audience"] = Audience,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddApiAuthentication(configuration, Environment("Development"));
        services.AddSingleton<IMembershipReader>(new InMemoryMemberships(memberships));
        Services = services.BuildServiceProvider();
        Issuer = new DevelopmentTokenIssuer(Options);
    }

    public string SigningKey { get; }

    public DevelopmentAuthOptions Options { get; }

    public IServiceProvider Services { get; }

    public DevelopmentTokenIssuer Issuer { get; }

    public static HostingEnvironment Environment(string name) => new() { EnvironmentName = name, ApplicationName = "InclusionCases.Tests", ContentRootPath = AppContext.BaseDirectory };

    public Task<CallerAuthentication> AuthenticateAsync(string? authorizationHeader)
    {
        var context = new DefaultHttpContext { RequestServices = Services };
        if (authorizationHeader is not null)
        {
            context.Request.Headers.Authorization = authorizationHeader;
        }

        return Services.GetRequiredService<CallerAuthenticator>().AuthenticateAsync(context, CancellationToken.None);
    }

    private sealed class InMemoryMemberships(Membership[] memberships) : IMembershipReader
    {
        public Task<Membership?> FindAsync(string userId, CancellationToken cancellationToken) =>
            Task.FromResult(memberships.FirstOrDefault(m => m.UserId == userId));
    }
}
