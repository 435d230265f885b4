// The resources of one environment. Names of tables and queues match the code
// (TableNames.All, QueueNames.Settings); a test in tests/InclusionCases.InfraTests checks it.

param environmentName string
param location string
param apiClientId string
param tenantId string
param closedCaseRetentionYears int
param contactRetentionYears int

var suffix = uniqueString(resourceGroup().id)
var storageName = take('stinclusion${environmentName}${suffix}', 24)
var deploymentContainerName = 'app-package'
var tableNames = [
  'Organisations'
  'Memberships'
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
]
var queueNames = [
  'case-events'
  'contact-intake'
]
var poisonQueueNames = [for queue in queueNames: '${queue}-poison']

// Built-in roles, and nothing broader: data access to tables and queues, and to the blob container
// the Flex Consumption plan deploys the app package from.
var roles = {
  tableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  queueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  blobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-inclusioncases-${environmentName}'
  location: location
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
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
    publicNetworkAccess: 'Enabled'
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

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-inclusioncases-${environmentName}'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 90
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-inclusioncases-${environmentName}'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'plan-inclusioncases-${environmentName}'
  location: location
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
  resource appSettings 'config' = {
    name: 'appsettings'
    properties: {
      AzureWebJobsStorage__accountName: storage.name
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identity.properties.clientId
      APPLICATIONINSIGHTS_CONNECTION_STRING: insights.properties.ConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.properties.clientId};Authorization=AAD'
      AZURE_FUNCTIONS_ENVIRONMENT: 'Production'
      Auth__Mode: 'AzureAd'
      AzureAd__Instance: environment().authentication.loginEndpoint
      AzureAd__TenantId: tenantId
      // The accepted audiences follow from the client id (see EntraAudiences): no AzureAd__Audience.
      AzureAd__ClientId: apiClientId
      CaseEventsQueue: queueNames[0]
      ContactIntakeQueue: queueNames[1]
      RetentionSchedule: '0 30 3 * * *'
      OutboxSweepSchedule: '0 * * * * *'
      ReportRollupSchedule: '*/15 * * * * *'
      Retention__ClosedCaseYears: string(closedCaseRetentionYears)
      Retention__ContactYears: string(contactRetentionYears)
    }
    dependsOn: [
      roleAssignments
      tables
      queues
    ]
  }
}

output functionAppName string = functionApp.name
output apiBaseUrl string = 'https://${functionApp.properties.defaultHostName}/api'
