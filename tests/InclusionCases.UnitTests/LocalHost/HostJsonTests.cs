using InclusionCases.LocalHost.Configuration;

namespace InclusionCases.UnitTests.LocalHost;

/// <summary>The app's own host.json, as copied beside the build, sets the queue semantics explicitly.</summary>
public sealed class HostJsonTests
{
    private static readonly HostJson AppHostJson = HostJson.Load(Path.Combine(AppContext.BaseDirectory, HostJson.FileName));

    [Fact]
    public void Load_AppHostJson_HasTheQueueSemanticsTheAppRelyOn()
    {
        var queues = AppHostJson.Queues;

        Assert.Equal(16, queues.BatchSize);
        Assert.Equal(5, queues.MaxDequeueCount);
        // A failed message waits 30 s before its next attempt, so 5 attempts outlast a storage blip.
        Assert.Equal(TimeSpan.FromSeconds(30), queues.VisibilityTimeout);
        Assert.Equal("base64", queues.MessageEncoding);
        Assert.Equal("api", AppHostJson.RoutePrefix);
    }

    [Fact]
    public void Load_WithAzureFunctionsJobHostSettings_TheSettingsOverrideHostJson()
    {
        var settings = Microsoft.Extensions.Configuration.MemoryConfigurationBuilderExtensions.AddInMemoryCollection(new Microsoft.Extensions.Configuration.ConfigurationBuilder(), new Dictionary<string, string?>
        {
            ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:00",
            ["AzureFunctionsJobHost:Extensions:Queues:MaxDequeueCount"] = "2",
        }).Build();

        var hostJson = HostJson.Load(Path.Combine(AppContext.BaseDirectory, HostJson.FileName), settings);

        Assert.Equal(TimeSpan.Zero, hostJson.Queues.VisibilityTimeout);
        Assert.Equal(2, hostJson.Queues.MaxDequeueCount);
        Assert.Equal(16, hostJson.Queues.BatchSize);
    }

    [Fact]
    public void Load_WithoutQueueSection_TakesTheHostDefaults()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """{ "version": "2.0" }""");

            var hostJson = HostJson.Load(path);

            Assert.Equal(HostJson.Defaults, hostJson);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
