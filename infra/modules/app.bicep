// The resources of one environment. Names of tables and queues match the code
// (TableNames.All, QueueNames.Settings); a test in tests/InclusionCases.InfraTests checks it.

param environmentName string
param location string
param tags object
param apiClientId string
param tenantId string
param closedCaseRetentionYears int
param contactRetentionYears int
param principalId string
param principalType string
param grantDeployerTableAccess bool
param privateNetworking bool
param alertEmail string

@secure()
@description('Base64 of 32 random bytes that seals webhook subscription secrets; kept in the Key Vault and read by the app through a Key Vault reference.')
param webhookSecretKey string

@secure()
@description('Base64 of 32 random bytes under which NISS/BIS numbers are hashed (HMAC) for matching; kept in the Key Vault and read by the app through a Key Vault reference.')
param identifierHashKey string

// azd deploys service `api` of azure.yaml to the resource carrying this tag.
var apiServiceName = 'api'
var suffix = uniqueString(resourceGroup().id)
// Storage account names are lowercase letters and digits only; azd environment names may hold hyphens.
var storageName = take('stinclusion${toLower(replace(environmentName, '-', ''))}${suffix}', 24)
var deploymentContainerName = 'app-package'
var tableNames = [
  'Organisations'
  'Memberships'
  'OrganisationMembers'
  'Cases'
  'OrganisationCases'
  'Referrals'
  'Audit'
  'Contacts'
  'ContactIds'
  'Outreach'
  'ReportFacts'
  'ReportRollups'
  'Retention'
  'Heartbeats'
  'IdempotencyKeys'
  'Tasks'
  'TaskRechecks'
  'Subscriptions'
  'WebhookDeliveries'
  'MatchIndex'
  'MatchRequests'
]
var queueNames = [
  'case-events'
  'contact-intake'
  'webhook-deliveries'
  'match-requests'
]
var poisonQueueNames = [for queue in queueNames: '${queue}-poison']

// The app identity's built-in roles on its storage account, and nothing broader: data access to tables
// and queues, and to the blob container the Flex Consumption plan deploys the app package from.
var roles = {
  tableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  queueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  blobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
}

// Application Insights has local (instrumentation key) authentication off: the identity publishes its
// telemetry with an Entra token, which needs this role on the Application Insights resource.
var monitoringMetricsPublisherRole = '3913510d-42f4-4e42-8a64-420c390055eb'

// The storage operations logged to the workspace (resource logs of the table and queue services).
var storageLogCategories = [
  'StorageRead'
  'StorageWrite'
  'StorageDelete'
]

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-inclusioncases-${environmentName}'
  location: location
  tags: tags
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_ZRS'
  }
  properties: {
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    // In private-network mode only the private endpoints (modules/network.bicep) reach the account.
    publicNetworkAccess: privateNetworking ? 'Disabled' : 'Enabled'
    networkAcls: {
      defaultAction: privateNetworking ? 'Deny' : 'Allow'
      bypass: privateNetworking ? 'None' : 'AzureServices'
    }
  }

  resource blobService 'blobServices' = {
    name: 'default'

    resource deploymentContainer 'containers' = {
      name: deploymentContainerName
    }
  }

  resource tableService 'tableServices' = {
    name: 'default'
  }

  resource queueService 'queueServices' = {
    name: 'default'
  }
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [
  for table in tableNames: {
    parent: storage::tableService
    name: table
  }
]

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = [
  for queue in concat(queueNames, poisonQueueNames): {
    parent: storage::queueService
    name: queue
  }
]

resource roleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in items(roles): {
    name: guid(storage.id, identity.id, role.value)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.value)
      principalId: identity.properties.principalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource telemetryPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(insights.id, identity.id, monitoringMetricsPublisherRole)
  scope: insights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisherRole)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// The key that seals webhook subscription secrets at rest (Webhooks__SecretKey): in a vault of its own,
// read by the app identity only, through a Key Vault reference; never in storage beside what it seals.
// Purge protection: losing the key would make every subscription's secret unreadable.
var keyVaultSecretsUserRole = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: take('kv-inc-${toLower(replace(environmentName, '-', ''))}-${suffix}', 24)
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
  }
}

resource webhookKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'webhook-secret-key'
  tags: tags
  properties: {
    value: webhookSecretKey
    contentType: 'base64 of 32 bytes'
  }
}

// The key NISS/BIS numbers are hashed under (Matching__IdentifierKey): a keyed hash, so a copy of the
// tables cannot be turned back into numbers by hashing every possible one. Never rotated in place.
resource identifierKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'identifier-hash-key'
  tags: tags
  properties: {
    value: identifierHashKey
    contentType: 'base64 of 32 bytes'
  }
}

resource vaultSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, keyVaultSecretsUserRole)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRole)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Optional: the deployer's own Entra identity writes the first Coordinator membership (no shared key).
// Redeploying with the flag off does not remove an assignment made earlier: see docs/deployment.md.
resource deployerTableAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (grantDeployerTableAccess && !empty(principalId)) {
  name: guid(storage.id, principalId, roles.tableDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.tableDataContributor)
    principalId: principalId
    principalType: principalType
  }
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-inclusioncases-${environmentName}'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 90
    features: {
      // Nothing here ingests with the workspace key: Application Insights and diagnostic settings do not need it.
      disableLocalAuth: true
    }
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-inclusioncases-${environmentName}'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    // Telemetry is accepted only with an Entra token (Monitoring Metrics Publisher above), not with the key in the connection string.
    DisableLocalAuth: true
  }
}

// Reads, writes and deletes on the tables and queues, and their transaction metrics, in the workspace
// (tables StorageTableLogs, StorageQueueLogs, AzureMetrics).
resource tableDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: storage::tableService
  properties: {
    workspaceId: logs.id
    logs: [for category in storageLogCategories: { category: category, enabled: true }]
    metrics: [
      {
        category: 'Transaction'
        enabled: true
      }
    ]
  }
}

resource queueDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: storage::queueService
  properties: {
    workspaceId: logs.id
    logs: [for category in storageLogCategories: { category: category, enabled: true }]
    metrics: [
      {
        category: 'Transaction'
        enabled: true
      }
    ]
  }
}

module network 'network.bicep' = if (privateNetworking) {
  name: 'inclusioncases-network'
  params: {
    environmentName: environmentName
    location: location
    tags: tags
    storageAccountName: storage.name
  }
}

module alerts 'alerts.bicep' = {
  name: 'inclusioncases-alerts'
  params: {
    environmentName: environmentName
    location: location
    tags: tags
    workspaceId: logs.id
    alertEmail: alertEmail
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'plan-inclusioncases-${environmentName}'
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: 'func-inclusioncases-${environmentName}-${suffix}'
  location: location
  tags: union(tags, { 'azd-service-name': apiServiceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references (Webhooks__SecretKey) resolve with the app's user-assigned identity.
    keyVaultReferenceIdentity: identity.id
    // Flex Consumption VNet integration: a subnet delegated to Microsoft.App/environments.
    virtualNetworkSubnetId: privateNetworking ? network!.outputs.appSubnetId : null
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: 40
        instanceMemoryMB: 2048
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }

  // Identity-based connections only; Auth__Mode is fixed to AzureAd: development tokens cannot be enabled from here.
  // Queue behaviour (batch size, dequeue count, visibility) is host.json's alone: no AzureFunctionsJobHost__ override here.
  resource appSettings 'config' = {
    name: 'appsettings'
    properties: {
      AzureWebJobsStorage__accountName: storage.name
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identity.properties.clientId
      // The Functions host and the app's OpenTelemetry exporter (Telemetry/AzureMonitorTelemetry.cs reads
      // the same setting) send telemetry with this identity's Entra token.
      APPLICATIONINSIGHTS_CONNECTION_STRING: insights.properties.ConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD;ClientId=${identity.properties.clientId}'
      AZURE_FUNCTIONS_ENVIRONMENT: 'Production'
      Auth__Mode: 'AzureAd'
      AzureAd__Instance: environment().authentication.loginEndpoint
      AzureAd__TenantId: tenantId
      // The accepted audiences follow from the client id (see EntraAudiences): no AzureAd__Audience.
      AzureAd__ClientId: apiClientId
      CaseEventsQueue: queueNames[0]
      ContactIntakeQueue: queueNames[1]
      WebhookDeliveriesQueue: queueNames[2]
      MatchRequestsQueue: queueNames[3]
      Webhooks__SecretKey: '@Microsoft.KeyVault(SecretUri=${webhookKey.properties.secretUri})'
      Matching__IdentifierKey: '@Microsoft.KeyVault(SecretUri=${identifierKey.properties.secretUri})'
      // Timer schedules (NCRONTAB, UTC), referenced by the timer triggers as %Setting%.
      RetentionSchedule: '0 30 3 * * *'
      TaskRecheckSchedule: '0 5 0 * * *'
      ReferralExpirySchedule: '0 15 * * * *'
      Referrals__PendingDays: '30'
      OutboxSweepSchedule: '0 * * * * *'
      ReportRollupSchedule: '*/15 * * * * *'
      // SampleOperations: samples the operational gauges (poison messages per queue...) the alerts read (alerts.bicep).
      OperationsSampleSchedule: '0 */5 * * * *'
      Retention__ClosedCaseYears: string(closedCaseRetentionYears)
      Retention__ContactYears: string(contactRetentionYears)
    }
    dependsOn: [
      roleAssignments
      telemetryPublisher
      vaultSecretsUser
      tables
      queues
    ]
  }
}

output functionAppName string = functionApp.name
output apiBaseUrl string = 'https://${functionApp.properties.defaultHostName}/api'
output storageAccountName string = storage.name
output logAnalyticsWorkspaceName string = logs.name
