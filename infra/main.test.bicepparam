using 'main.bicep'

// A test environment for `az deployment sub create` (azd uses main.parameters.json instead).
// apiClientId comes from infra/entra-app.sh (the API's app registration).
param environmentName = 'test'
param location = 'westeurope'
param apiClientId = '00000000-0000-0000-0000-000000000000'
// Generate once and keep: export WEBHOOK_SECRET_KEY="$(head -c 32 /dev/urandom | base64)"
param webhookSecretKey = readEnvironmentVariable('WEBHOOK_SECRET_KEY', '')
// Likewise: export IDENTIFIER_HASH_KEY="$(head -c 32 /dev/urandom | base64)"
param identifierHashKey = readEnvironmentVariable('IDENTIFIER_HASH_KEY', '')
