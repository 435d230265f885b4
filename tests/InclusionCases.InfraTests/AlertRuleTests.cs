using System.Text.Json.Nodes;
using InclusionCases.Functions.Hosting;
using InclusionCases.Functions.Reports;
using InclusionCases.Functions.Retention;
using InclusionCases.Functions.Storage;

namespace InclusionCases.InfraTests;

/// <summary>
/// The alerts of infra/modules/alerts.bicep: log search rules on the workspace, each querying an instrument
/// the app emits (<see cref="AppMetricNames"/>), sent to the action group.
/// </summary>
public sealed class AlertRuleTests
{
    private static TemplateScope Alerts => MainTemplate.Module("inclusioncases-alerts");

    private static JsonArray Rules => MainTemplate.Variable(Alerts.Template, "rules").AsArray();

    [Fact]
    public void Rules_AreLogAlertsOnTheWorkspaceSentToTheActionGroup()
    {
        var resource = MainTemplate.Items(Alerts.Template).Single(r => r["type"]!.GetValue<string>() == "Microsoft.Insights/scheduledQueryRules");
        var properties = resource["properties"]!;

        Assert.Equal("[length(variables('rules'))]", resource["copy"]!["count"]!.GetValue<string>());
        Assert.Equal("LogAlert", resource["kind"]!.GetValue<string>());
        Assert.Equal("[parameters('workspaceId')]", properties["scopes"]!.AsArray().Single()!.GetValue<string>());
        Assert.StartsWith("[resourceId('Microsoft.OperationalInsights/workspaces',", Alerts.Deployment!["properties"]!["parameters"]!["workspaceId"]!["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("[resourceId('Microsoft.Insights/actionGroups', format('ag-inclusioncases-{0}', parameters('environmentName')))]", properties["actions"]!["actionGroups"]!.AsArray().Single()!.GetValue<string>());
        Assert.Equal("[variables('rules')[copyIndex()].criterion]", properties["criteria"]!["allOf"]!.AsArray().Single()!.GetValue<string>());
        Assert.True(properties["enabled"]!.GetValue<bool>());
    }

    [Fact]
    public void ActionGroup_MailsTheAlertEmailOnlyWhenOneIsGiven()
    {
        var group = MainTemplate.Items(Alerts.Template).Single(r => r["type"]!.GetValue<string>() == "Microsoft.Insights/actionGroups");

        Assert.Equal(string.Empty, MainTemplate.Main["parameters"]!["alertEmail"]!["defaultValue"]!.GetValue<string>());
        Assert.StartsWith("[if(empty(parameters('alertEmail')), createArray(), createArray(createObject('name', 'operations', 'emailAddress', parameters('alertEmail'),", group["properties"]!["emailReceivers"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("poison-messages", AppMetricNames.PoisonMessages, "Properties['" + AppMetricNames.QueueTag + "']")]
    [InlineData("server-errors", AppMetricNames.Requests, "Properties['" + AppMetricNames.OutcomeTag + "']) == '" + AppMetricNames.ServerErrorOutcome + "'")]
    [InlineData("timers-not-run", AppMetricNames.TimerRuns, "Properties['" + AppMetricNames.OutcomeTag + "']) == '" + AppMetricNames.SuccessOutcome + "'")]
    [InlineData("outbox-stuck", AppMetricNames.OutboxOldestAge, "OldestAgeSeconds = Sum")]
    [InlineData("queue-backlog", AppMetricNames.QueueDepth, "Properties['" + AppMetricNames.QueueTag + "']")]
    public void Rule_QueriesTheInstrumentTheAppEmits(string name, string instrument, string fragment)
    {
        var query = Criterion(name)["query"]!.GetValue<string>();

        Assert.Contains($"AppMetrics\n", query, StringComparison.Ordinal);
        Assert.Contains($"Name == '{instrument}'", query, StringComparison.Ordinal);
        Assert.Contains(fragment, query, StringComparison.Ordinal);
    }

    [Fact]
    public void PoisonAlert_FiresPerQueueWhenAnyMessageIsThere()
    {
        var criterion = Criterion("poison-messages");

        Assert.Equal("Maximum", criterion["timeAggregation"]!.GetValue<string>());
        Assert.Equal("PoisonMessages", criterion["metricMeasureColumn"]!.GetValue<string>());
        Assert.Equal("GreaterThan", criterion["operator"]!.GetValue<string>());
        Assert.Equal(0, criterion["threshold"]!.GetValue<int>());
        Assert.Equal("Queue", criterion["dimensions"]!.AsArray().Single()!["name"]!.GetValue<string>());
        // Sampled every 5 minutes (OperationsSampleSchedule): a 15-minute window holds about three samples.
        Assert.Equal("PT15M", Rule("poison-messages")["windowSize"]!.GetValue<string>());
    }

    [Fact]
    public void ServerErrorAlert_NeedsFivePercentAndAtLeastFive()
    {
        var criterion = Criterion("server-errors");

        Assert.Contains("| where ServerErrors >= 5 and ServerErrors > 0.05 * Requests", criterion["query"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Count", criterion["timeAggregation"]!.GetValue<string>());
        Assert.Equal("PT15M", Rule("server-errors")["windowSize"]!.GetValue<string>());
    }

    [Fact]
    public void TimerAlert_ListsTheTimersOfTheCodeAndFiresOnSilence()
    {
        var criterion = Criterion("timers-not-run");
        var query = criterion["query"]!.GetValue<string>();
        var timers = FunctionCatalog.Discover([typeof(StorageAccount).Assembly]).Timers.Select(t => t.Name).ToList();

        // The timer tag carries the function name: the ones the alert waits for must exist.
        foreach (var timer in new[] { nameof(RetentionFunction.ApplyRetention), nameof(RollupReportsFunction.RollupReports) })
        {
            Assert.Contains(timer, timers);
            Assert.Contains($"'{timer}'", query, StringComparison.Ordinal);
        }

        Assert.Contains($"tostring(Properties['{AppMetricNames.TimerTag}'])", query, StringComparison.Ordinal);
        // No success in 26 hours yields a row (from the list of timers, not from AppMetrics), and a row fires.
        Assert.Contains("ago(26h)", query, StringComparison.Ordinal);
        Assert.StartsWith("let timers = datatable (Timer: string)", query, StringComparison.Ordinal);
        Assert.Contains("| join kind=leftouter succeeded on Timer", query, StringComparison.Ordinal);
        Assert.EndsWith("| where Runs == 0\n", query, StringComparison.Ordinal);
        Assert.Equal("Count", criterion["timeAggregation"]!.GetValue<string>());
        Assert.Equal(0, criterion["threshold"]!.GetValue<int>());
        // A log alert looks back at most 2 days; the query's own ago(26h) is the limit.
        Assert.Equal("P2D", Rule("timers-not-run")["windowSize"]!.GetValue<string>());
        Assert.Equal("PT1H", Rule("timers-not-run")["evaluationFrequency"]!.GetValue<string>());
    }

    [Fact]
    public void OutboxAlert_FiresAbove600Seconds()
    {
        var criterion = Criterion("outbox-stuck");

        Assert.Equal("Maximum", criterion["timeAggregation"]!.GetValue<string>());
        Assert.Equal("OldestAgeSeconds", criterion["metricMeasureColumn"]!.GetValue<string>());
        Assert.Equal(600, criterion["threshold"]!.GetValue<int>());
    }

    private static JsonObject Rule(string name) => Rules.Single(r => r!["name"]!.GetValue<string>() == name)!.AsObject();

    private static JsonObject Criterion(string name) => Rule(name)["criterion"]!.AsObject();
}
