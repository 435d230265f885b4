using InclusionCases.Functions.Http;
using InclusionCases.Functions.Hosting;
using InclusionCases.Functions.Pipeline;
using InclusionCases.LocalHost.Discovery;
using InclusionCases.LocalHost.Http;

namespace InclusionCases.UnitTests.LocalHost;

public sealed class FunctionCatalogTests
{
    private static readonly FunctionCatalog App = FunctionCatalog.Discover([typeof(HttpApi).Assembly]);

    [Theory]
    [InlineData("GetHealth", "GET", "health")]
    [InlineData("GetMe", "GET", "me")]
    public void Discover_FindsHttpFunctionsFromTheirAttributes(string name, string method, string route)
    {
        var function = Assert.Single(App.Http, f => f.Name == name);

        Assert.Equal([method], function.Methods);
        Assert.Equal(route, function.Route);
    }

    [Fact]
    public void EveryHttpFunction_DeclaresItsOperationOnce_AndThePipelineFindsIt()
    {
        Assert.Equal(App.Http.Count, App.Http.Select(f => f.Method.Name).Distinct().Count());
        Assert.All(App.Http, f =>
        {
            var doc = HttpApi.DocOf(f.Method.Name);
            Assert.Equal(f.Doc!.Summary, doc.Summary);
            Assert.True(doc.Anonymous || doc.AnyRole || InclusionCases.Domain.Access.AccessPolicy.Roles.ContainsKey(doc.Operation), f.Name);
            Assert.Equal(f.Name, f.Method.Name); // the pipeline looks a function up by its method's name
        });
    }

    [Fact]
    public void Discover_NoTwoFunctionsShareARouteAndMethod()
    {
        var pairs = App.Http.SelectMany(f => f.Methods.Select(m => (m, f.Route.ToUpperInvariant()))).ToList();

        Assert.Equal(pairs.Count, pairs.Distinct().Count());
    }

    [Fact]
    public void Discover_FunctionNamesAreUnique()
    {
        var names = App.Http.Select(f => f.Name).Concat(App.Queues.Select(f => f.Name)).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Discover_NoRouteIsReservedByTheFunctionsHost()
    {
        Assert.DoesNotContain(App.Http, f => ReservedRoutes.IsReserved(f.Route));
    }

    [Fact]
    public void Discover_FindsTheQueueTriggersWithTheirSettingExpressions()
    {
        Assert.Equal(["%CaseEventsQueue%", "%ContactIntakeQueue%", "%MatchRequestsQueue%", "%WebhookDeliveriesQueue%"], App.Queues.Select(q => q.QueueName).Order());
    }

    [Fact]
    public void Discover_FindsTheTimersWithTheirSettingExpressions()
    {
        Assert.Equal(
            [("ApplyRetention", "%RetentionSchedule%"), ("ExpireReferrals", "%ReferralExpirySchedule%"), ("RecheckTasks", "%TaskRecheckSchedule%"), ("RollupReports", "%ReportRollupSchedule%"), ("SampleOperations", "%OperationsSampleSchedule%"), ("SweepOutbox", "%OutboxSweepSchedule%")],
            App.Timers.Select(t => (t.Name, t.Schedule)));
    }
}
