// InclusionCases on Azure: one resource group with the Functions app (Flex Consumption), its storage
// (tables and queues, no shared keys), monitoring with alerts, and a user-assigned identity holding
// only the roles the app needs. Deploy with `azd up` (azure.yaml, main.parameters.json; see
// docs/deployment.md) or: az deployment sub create -l <region> -f infra/main.bicep -p infra/main.test.bicepparam
targetScope = 'subscription'

@description('Short name of the environment, e.g. test or prod (with azd: the azd environment name); used in resource names.')
@minLength(2)
@maxLength(8)
param environmentName string

@description('Azure region of every resource.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Application (client) id of the API\'s Entra ID app registration (the preprovision hook or infra/entra-app.sh). Access tokens are accepted with aud = this id (v2 tokens) or api://{this id}, nothing else.')
param apiClientId string

@description('Entra ID tenant of the app registration.')
param tenantId string = tenant().tenantId

@description('Years a person\'s data is kept after all their cases closed.')
@minValue(1)
param closedCaseRetentionYears int = 5

@description('Years a street contact\'s free text is kept.')
@minValue(1)
param contactRetentionYears int = 2

@description('Object id of the person (or pipeline) deploying; with azd, AZURE_PRINCIPAL_ID. Used only when grantDeployerTableAccess is true.')
param principalId string = deployer().objectId

@description('Kind of principal principalId is.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param principalType string = 'User'

@description('Gives principalId Storage Table Data Contributor on the storage account, so that the first Coordinator membership can be written with that Entra identity (./dev bootstrap-coordinator). Off by default; remove the assignment after the bootstrap.')
param grantDeployerTableAccess bool = false

@description('Private network mode: a VNet the app is integrated with, private endpoints for blob, queue and table, and storage closed to public networks.')
param privateNetworking bool = false

@description('E-mail address the alerts are sent to; empty: the alerts only show in the portal (the action group has no receiver).')
param alertEmail string = ''

// azd finds the environment's resource group and resources by azd-env-name.
var tags = {
  'azd-env-name': environmentName
  application: 'inclusioncases'
  environment: environmentName
}

resource group 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-inclusioncases-${environmentName}'
  location: location
  tags: tags
}

@secure()
@description('Base64 of 32 random bytes sealing webhook subscription secrets (the preprovision hook makes one per azd environment, WEBHOOK_SECRET_KEY); keep it: a new key makes existing subscriptions unusable.')
param webhookSecretKey string

@secure()
@description('Base64 of 32 random bytes under which NISS/BIS numbers are hashed for matching (the preprovision hook makes one per azd environment, IDENTIFIER_HASH_KEY); keep it: a new key makes every stored identifier hash unmatchable.')
param identifierHashKey string

module app 'modules/app.bicep' = {
  scope: group
  name: 'inclusioncases-app'
  params: {
    environmentName: environmentName
    location: location
    tags: tags
    apiClientId: apiClientId
    tenantId: tenantId
    closedCaseRetentionYears: closedCaseRetentionYears
    contactRetentionYears: contactRetentionYears
    principalId: principalId
    principalType: principalType
    grantDeployerTableAccess: grantDeployerTableAccess
    privateNetworking: privateNetworking
    alertEmail: alertEmail
    webhookSecretKey: webhookSecretKey
    identifierHashKey: identifierHashKey
  }
}

// Written by azd into .azure/<environment>/.env; the postprovision hook reads them.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenantId
output AZURE_RESOURCE_GROUP string = group.name
output AZURE_FUNCTION_APP_NAME string = app.outputs.functionAppName
output AZURE_STORAGE_ACCOUNT_NAME string = app.outputs.storageAccountName
output AZURE_LOG_ANALYTICS_WORKSPACE_NAME string = app.outputs.logAnalyticsWorkspaceName
output API_BASE_URL string = app.outputs.apiBaseUrl

// The same, under the names the `az deployment sub create` route has used.
output resourceGroupName string = group.name
output functionAppName string = app.outputs.functionAppName
output apiBaseUrl string = app.outputs.apiBaseUrl
