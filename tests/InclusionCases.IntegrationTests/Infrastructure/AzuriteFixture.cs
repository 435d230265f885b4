namespace InclusionCases.IntegrationTests.Infrastructure;

/// <summary>
/// One Azurite for the whole test run, in memory on free loopback ports, killed when the run ends.
/// Test classes keep apart by using their own table prefix and queue names.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;

    public string ConnectionString => _azurite?.ConnectionString ?? throw new InvalidOperationException("Azurite has not started.");

    public async Task InitializeAsync() => _azurite = await AzuriteProcess.StartAsync();

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
