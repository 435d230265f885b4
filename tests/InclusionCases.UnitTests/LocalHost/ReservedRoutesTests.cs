using System.Reflection;
using InclusionCases.Functions.Hosting;
using InclusionCases.LocalHost.Http;
using Microsoft.AspNetCore.Builder;

namespace InclusionCases.UnitTests.LocalHost;

public sealed class ReservedRoutesTests
{
    [Theory]
    [InlineData("admin")]
    [InlineData("admin/poison/{queue}")]
    [InlineData("/Admin/x")]
    [InlineData("administration/users")] // a text prefix, not a path segment
    [InlineData("runtime")]
    [InlineData("runtime/webhooks/x")]
    [InlineData("RUNTIMES")]
    public void IsReserved_RoutesTheFunctionsHostRefuses(string route)
    {
        Assert.True(ReservedRoutes.IsReserved(route));
    }

    [Theory]
    [InlineData("cases")]
    [InlineData("{area:regex(^admin$)}/poison")]
    [InlineData("reports/admin")]
    [InlineData("myruntime")]
    [InlineData("health")]
    public void IsReserved_OtherRoutes_AreFree(string route)
    {
        Assert.False(ReservedRoutes.IsReserved(route));
    }

    [Theory]
    [InlineData("admin/status")]
    [InlineData("runtime/status")]
    public void Map_ReservedRoute_RefusesToStartWithTheHostsMessage(string route)
    {
        using var app = WebApplication.CreateSlimBuilder().Build();
        var function = new HttpFunction("Status", ["GET"], route, typeof(ReservedRoutesTests).GetMethod(nameof(Status), BindingFlags.NonPublic | BindingFlags.Static)!);

        var error = Assert.Throws<InvalidOperationException>(() => HttpFunctionRoutes.Map(app, [function], "api"));

        Assert.Contains(ReservedRoutes.ConflictMessage, error.Message, StringComparison.Ordinal);
        Assert.Contains("'Status'", error.Message, StringComparison.Ordinal);
    }

    private static void Status()
    {
    }
}
