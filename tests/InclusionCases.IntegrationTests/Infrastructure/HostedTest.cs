namespace InclusionCases.IntegrationTests.Infrastructure;

/// <summary>
/// A test class with its own local host (own table prefix, own queue names) on the shared Azurite.
/// Subclasses still carry <c>[Collection(AzuriteGroup.Name)]</c>: xunit reads it from the class itself.
/// </summary>
public abstract class HostedTest(AzuriteFixture azurite) : IAsyncLifetime
{
    protected AzuriteFixture Azurite { get; } = azurite;

    protected TestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await StartHostAsync();

    public virtual async Task DisposeAsync() => await Host.DisposeAsync();

    /// <summary>How the host starts; a class overrides it for settings, a clock or extra functions.</summary>
    protected virtual Task<TestHost> StartHostAsync() => TestHost.StartAsync(Azurite.ConnectionString);

    protected Task<ApiCall> Call(HttpMethod method, string path, string? login, object? body = null, string? ifMatch = null) =>
        ApiCall.SendAsync(Host, method, path, login, body, ifMatch);
}
