using System.Text.Json;
using InclusionCases.Domain.Identity;
using InclusionCases.Tools;
using InclusionCases.Tools.Demo;
using InclusionCases.UnitTests.Identity;

namespace InclusionCases.UnitTests.Tools;

/// <summary><c>token USER</c>: reads local settings and signs, and the app's own validation accepts the result.</summary>
public sealed class TokenCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("inclusioncases-token-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("sophie", AppRole.SocialWorker)]
    [InlineData("habitat-app", AppRole.Partner)]
    public async Task Token_DemoUser_PrintsOneTokenTheAppAccepts(string login, AppRole role)
    {
        var user = DemoDirectory.Find(login)!;
        var harness = new AuthenticationHarness(user.Membership);
        var settings = Settings(("Auth__Mode", "Development"), ("Auth__Development__SigningKey", harness.SigningKey), ("Auth__Development__Audience", AuthenticationHarness.Audience));

        var (code, output, error) = await RunAsync("token", login, "--settings", settings);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        var token = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries)).Trim();
        var result = await harness.AuthenticateAsync("Bearer " + token);
        Assert.NotNull(result.Caller);
        Assert.Equal(user.ObjectId, result.Caller.Id);
        Assert.Equal([role], result.Caller.Roles);
    }

    [Fact]
    public async Task Token_NotInDevelopmentMode_RefusesWithOneLine()
    {
        var settings = Settings(("Auth__Mode", "AzureAd"));

        var (code, output, error) = await RunAsync("token", "sophie", "--settings", settings);

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("Auth:Mode is Development", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_UnknownUser_NamesTheKnownOnes()
    {
        var (code, output, error) = await RunAsync("token", "nobody", "--settings", Settings(("Auth__Mode", "Development")));

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("sophie", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("token")]
    [InlineData("token", "sophie", "marc")]
    [InlineData("token", "sophie", "--settings")]
    [InlineData("token", "sophie", "--url", "x")]
    [InlineData("reticulate")]
    public async Task MalformedCommandLine_ExitsTwoWithUsage(params string[] args)
    {
        var (code, output, error) = await RunAsync(args);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("usage", error, StringComparison.OrdinalIgnoreCase);
    }

    private string Settings(params (string Name, string Value)[] values)
    {
        var path = Path.Combine(_directory, $"{Guid.NewGuid():N}.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new { IsEncrypted = false, Values = values.ToDictionary(v => v.Name, v => v.Value) }));
        return path;
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await ToolCommands.RunAsync(args, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }
}
