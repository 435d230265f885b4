using InclusionCases.Functions.Hosting;
using InclusionCases.Functions.Pipeline;
using InclusionCases.LocalHost;
using InclusionCases.LocalHost.Configuration;
using Microsoft.Extensions.Configuration;

namespace InclusionCases.UnitTests.LocalHost;

public sealed class LocalSettingsTests
{
    [Fact]
    public void Load_ExampleSettings_MapsDoubleUnderscoreToSections()
    {
        var settings = LocalSettings.Load(Path.Combine(RepositoryFiles.Root(), "local.settings.example.json"));

        Assert.Equal("UseDevelopmentStorage=true", settings.Values["AzureWebJobsStorage"]);
        Assert.Equal("Development", settings.Values["Auth:Mode"]);
        Assert.Equal("dotnet-isolated", settings.Values["FUNCTIONS_WORKER_RUNTIME"]);
        Assert.Equal(7071, settings.LocalHttpPort);
    }

    [Fact]
    public void ExampleSettings_GiveEveryTimerAScheduleTheTimerExtensionReads()
    {
        var values = LocalSettings.Load(Path.Combine(RepositoryFiles.Root(), "local.settings.example.json")).Values;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();

        Assert.All(FunctionCatalog.Discover([typeof(HttpApi).Assembly]).Timers, t => LocalFunctionsHost.ParseSchedule(t, configuration));
    }

    [Fact]
    public void Resolve_BindingExpression_ReadsTheAppSetting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["IntakeQueue"] = "contact-intake" }).Build();

        Assert.Equal("contact-intake", BindingExpressions.Resolve("%IntakeQueue%", configuration));
        Assert.Equal("literal-name", BindingExpressions.Resolve("literal-name", configuration));
        Assert.Throws<InvalidOperationException>(() => BindingExpressions.Resolve("%Missing%", configuration));
    }
}
