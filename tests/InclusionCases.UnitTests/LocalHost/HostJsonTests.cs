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
        Assert.Equal(TimeSpan.Zero, queues.VisibilityTimeout);
        Assert.Equal("base64", queues.MessageEncoding);
        Assert.Equal("api", AppHostJson.RoutePrefix);
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
