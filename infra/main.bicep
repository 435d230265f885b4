// InclusionCases on Azure: one resource group with the Functions app (Flex Consumption), its storage
// (tables and queues, no shared keys), monitoring, and a user-assigned identity holding only the data
// roles the app needs. Deploy with: az deployment sub create -l <region> -f infra/main.bicep -p infra/main.test.bicepparam
targetScope = 'subscription'

@description('Short name of the environment, e.g. test or prod; used in resource names.')
@minLength(2)
@maxLength(8)
param environmentName string

@description('Azure region of every resource.')
param location string

@description('Application (client) id of the API\'s Entra ID app registration (see infra/entra-app.sh). Access tokens are accepted with aud = this id (v2 tokens) or api://{this id}, nothing else.')
param apiClientId string

@description('Entra ID tenant of the app registration.')
param tenantId string = tenant().tenantId

@description('Years a person\'s data is kept after all their cases closed.')
@minValue(1)
param closedCaseRetentionYears int = 5

@description('Years a street contact\'s free text is kept.')
@minValue(1)
param contactRetentionYears int = 2

resource group 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-inclusioncases-${environmentName}'
  location: location
  tags: {
    application: 'inclusioncases'
    environment: environmentName
  }
}

module app 'modules/app.bicep' = {
  scope: group
  name: 'inclusioncases-app'
  params: {
    environmentName: environmentName
    location: location
    apiClientId: apiClientId
    tenantId: tenantId
    closedCaseRetentionYears: closedCaseRetentionYears
    contactRetentionYears: contactRetentionYears
  }
}

output resourceGroupName string = group.name
output functionAppName string = app.outputs.functionAppName
output apiBaseUrl string = app.outputs.apiBaseUrl
