// Log search alerts on the app's own OpenTelemetry metrics (Meter "InclusionCases"). The Azure Monitor
// exporter sends them to Application Insights, which stores them in the workspace's AppMetrics table:
// Name = the instrument name, Properties = its tags, Sum = the value. A gauge arrives as one row per
// export with its last value in Sum; a counter as one row per export with the increase since the last
// one in Sum (the exporter's delta temporality), so a window's total is sum(Sum).
// What each alert means and what to do: docs/deployment.md and docs/operations.md. The instrument,
// tag and timer names here are checked against constants in tests/InclusionCases.InfraTests.

param environmentName string
param location string
param tags object
param workspaceId string
param alertEmail string

// A queue whose depth stays above this for the whole window is not keeping up.
var queueBacklogThreshold = 1000

var everyValue = [
  '*'
]

var rules = [
  {
    // Sampled every 5 minutes by the SampleOperations timer: one series per poison queue.
    name: 'poison-messages'
    displayName: 'InclusionCases ${environmentName}: poison messages present'
    description: 'A poison queue holds messages: their processing failed maxDequeueCount times. List them with GET /api/admin/poison and replay them with POST /api/admin/poison/{queue}/replay (Operator role).'
    severity: 2
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criterion: {
      query: '''
AppMetrics
| where Name == 'inclusioncases.queue.poison'
| project TimeGenerated, Queue = tostring(Properties['queue']), PoisonMessages = Sum
'''
      timeAggregation: 'Maximum'
      metricMeasureColumn: 'PoisonMessages'
      dimensions: [
        {
          name: 'Queue'
          operator: 'Include'
          values: everyValue
        }
      ]
      operator: 'GreaterThan'
      threshold: 0
      failingPeriods: {
        numberOfEvaluationPeriods: 1
        minFailingPeriodsToAlert: 1
      }
    }
  }
  {
    // The app's own request counter rather than AppRequests: it counts the status code the API returned,
    // by operation, whatever the host's request telemetry and its sampling record for an isolated worker.
    name: 'server-errors'
    displayName: 'InclusionCases ${environmentName}: 5xx responses above 5%'
    description: 'More than 5% of API requests (and at least 5) ended with a 5xx status in 15 minutes.'
    severity: 1
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criterion: {
      query: '''
AppMetrics
| where Name == 'inclusioncases.requests'
| summarize Requests = sum(Sum), ServerErrors = sumif(Sum, tostring(Properties['outcome']) == '5xx')
| where ServerErrors >= 5 and ServerErrors > 0.05 * Requests
'''
      timeAggregation: 'Count'
      operator: 'GreaterThan'
      threshold: 0
      failingPeriods: {
        numberOfEvaluationPeriods: 1
        minFailingPeriodsToAlert: 1
      }
    }
  }
  {
    // Silence cannot be alerted on by counting rows that do not exist: the query starts from the list of
    // timers and returns one row per timer with no successful run in 26 hours, and the alert fires on any row.
    // The window (at most 2 days for a log alert) only bounds the scan; ago(26h) is the real limit.
    name: 'timers-not-run'
    displayName: 'InclusionCases ${environmentName}: retention, task re-check, referral expiry or rollup timer has not run for 26 hours'
    description: 'ApplyRetention (daily), RecheckTasks (daily), ExpireReferrals (hourly) or RollupReports has no successful run in the last 26 hours.'
    severity: 2
    evaluationFrequency: 'PT1H'
    windowSize: 'P2D'
    criterion: {
      query: '''
let timers = datatable (Timer: string) ['ApplyRetention', 'ExpireReferrals', 'RecheckTasks', 'RollupReports'];
let succeeded = AppMetrics
    | where TimeGenerated > ago(26h)
    | where Name == 'inclusioncases.timer.runs' and tostring(Properties['outcome']) == 'success'
    | summarize Runs = sum(Sum) by Timer = tostring(Properties['timer']);
timers
| join kind=leftouter succeeded on Timer
| project Timer, Runs = coalesce(Runs, 0.0)
| where Runs == 0
'''
      timeAggregation: 'Count'
      dimensions: [
        {
          name: 'Timer'
          operator: 'Include'
          values: everyValue
        }
      ]
      operator: 'GreaterThan'
      threshold: 0
      failingPeriods: {
        numberOfEvaluationPeriods: 1
        minFailingPeriodsToAlert: 1
      }
    }
  }
  {
    name: 'outbox-stuck'
    displayName: 'InclusionCases ${environmentName}: outbox entry older than 10 minutes'
    description: 'The oldest case event not yet projected is more than 600 seconds old: the outbox sweep or the case-events queue is not keeping up.'
    severity: 2
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criterion: {
      query: '''
AppMetrics
| where Name == 'inclusioncases.outbox.oldest_age'
| project TimeGenerated, OldestAgeSeconds = Sum
'''
      timeAggregation: 'Maximum'
      metricMeasureColumn: 'OldestAgeSeconds'
      operator: 'GreaterThan'
      threshold: 600
      failingPeriods: {
        numberOfEvaluationPeriods: 1
        minFailingPeriodsToAlert: 1
      }
    }
  }
  {
    // The lowest depth of the window: a queue that drained at any point in it does not fire.
    name: 'queue-backlog'
    displayName: 'InclusionCases ${environmentName}: queue backlog'
    description: 'A queue stayed above ${queueBacklogThreshold} messages for 30 minutes.'
    severity: 3
    evaluationFrequency: 'PT15M'
    windowSize: 'PT30M'
    criterion: {
      query: '''
AppMetrics
| where Name == 'inclusioncases.queue.depth'
| project TimeGenerated, Queue = tostring(Properties['queue']), Depth = Sum
'''
      timeAggregation: 'Minimum'
      metricMeasureColumn: 'Depth'
      dimensions: [
        {
          name: 'Queue'
          operator: 'Include'
          values: everyValue
        }
      ]
      operator: 'GreaterThan'
      threshold: queueBacklogThreshold
      failingPeriods: {
        numberOfEvaluationPeriods: 1
        minFailingPeriodsToAlert: 1
      }
    }
  }
]

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ag-inclusioncases-${environmentName}'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: take('ic-${environmentName}', 12)
    enabled: true
    emailReceivers: empty(alertEmail)
      ? []
      : [
          {
            name: 'operations'
            emailAddress: alertEmail
            useCommonAlertSchema: true
          }
        ]
  }
}

resource alertRules 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = [
  for rule in rules: {
    name: 'alert-inclusioncases-${environmentName}-${rule.name}'
    location: location
    tags: tags
    kind: 'LogAlert'
    properties: {
      displayName: rule.displayName
      description: rule.description
      severity: rule.severity
      enabled: true
      scopes: [
        workspaceId
      ]
      evaluationFrequency: rule.evaluationFrequency
      windowSize: rule.windowSize
      criteria: {
        allOf: [
          rule.criterion
        ]
      }
      autoMitigate: true
      // AppMetrics only exists in the workspace once Application Insights has written to it: on a new
      // environment the rules are created before that, so the query is not validated at creation.
      skipQueryValidation: true
      actions: {
        actionGroups: [
          actionGroup.id
        ]
      }
    }
  }
]
