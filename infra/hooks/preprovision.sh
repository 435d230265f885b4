#!/bin/sh
# azd preprovision hook (azure.yaml): before each `azd provision` / `azd up`,
#  1. creates or updates the API's Entra ID app registration (infra/entra-app.sh; idempotent), named
#     "InclusionCases API (<azd environment>)" unless API_APP_NAME says otherwise;
#  2. stores its client id and app id URI in the azd environment (API_CLIENT_ID, API_APP_ID_URI):
#     main.parameters.json passes API_CLIENT_ID to the template's apiClientId;
#  3. stores AZURE_PRINCIPAL_TYPE (User or ServicePrincipal) for the optional deployer role;
#  4. makes the key that seals webhook subscription secrets, once per environment (WEBHOOK_SECRET_KEY:
#     main.parameters.json passes it to the template, which keeps it in Key Vault). It is never replaced:
#     a new key would make every existing subscription's secret unreadable;
#  5. likewise makes the key NISS/BIS numbers are hashed under for matching (IDENTIFIER_HASH_KEY), once.
# The registration is made with the Azure CLI's identity (az login), which needs the right to register
# applications in the tenant: see docs/deployment.md. azd runs hooks from the project root with the
# environment's values (AZURE_ENV_NAME, AZURE_SUBSCRIPTION_ID, ...) in the process environment.
set -eu
root="$(CDPATH='' cd -- "$(dirname -- "$0")/../.." && pwd)"

say() { printf 'preprovision: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

command -v az >/dev/null 2>&1 || die "the Azure CLI (az) is required to register the API in Entra ID: https://aka.ms/azure-cli"
command -v azd >/dev/null 2>&1 || die "azd is not on PATH"
[ -n "${AZURE_ENV_NAME:-}" ] || die "AZURE_ENV_NAME is not set: run this through azd (azd provision or azd up)"
az account show >/dev/null 2>&1 || die "the Azure CLI is not signed in: run az login (azd auth login does not sign in az)"

# azd and az sign in separately: the app registration must be made in the tenant of the subscription
# azd deploys to, since the template accepts tokens of that tenant only.
if [ -n "${AZURE_SUBSCRIPTION_ID:-}" ]; then
  subscription_tenant="$(az account show --subscription "$AZURE_SUBSCRIPTION_ID" --query tenantId -o tsv 2>/dev/null || true)"
  cli_tenant="$(az account show --query tenantId -o tsv)"
  [ -n "$subscription_tenant" ] || die "az cannot see subscription $AZURE_SUBSCRIPTION_ID: az login --tenant <its tenant>"
  [ "$subscription_tenant" = "$cli_tenant" ] ||
    die "az is signed in to tenant $cli_tenant but subscription $AZURE_SUBSCRIPTION_ID is in $subscription_tenant: az login --tenant $subscription_tenant"
fi

name="${API_APP_NAME:-InclusionCases API ($AZURE_ENV_NAME)}"
app_id="$(API_CLIENT_ID="${API_CLIENT_ID:-}" sh "$root/infra/entra-app.sh" "$name")"
[ -n "$app_id" ] || die "infra/entra-app.sh printed no application id"

azd env set API_CLIENT_ID "$app_id"
azd env set API_APP_ID_URI "api://$app_id"

case "$(az account show --query user.type -o tsv)" in
  servicePrincipal) principal_type=ServicePrincipal ;;
  *) principal_type=User ;;
esac
azd env set AZURE_PRINCIPAL_TYPE "$principal_type"

if [ -z "${WEBHOOK_SECRET_KEY:-}" ]; then
  # A key is made for a new environment only: one already deployed has its key in its vault, and a new
  # key would leave every webhook subscription's secret unreadable.
  if [ "$(az group exists -n "rg-inclusioncases-$AZURE_ENV_NAME")" = "true" ]; then
    die "environment $AZURE_ENV_NAME is deployed but WEBHOOK_SECRET_KEY is not set here: copy it from its key vault first (docs/deployment.md, The webhook secret key)"
  fi
  azd env set WEBHOOK_SECRET_KEY "$(head -c 32 /dev/urandom | base64 | tr -d '\n')"
  say "made the webhook secret key of environment $AZURE_ENV_NAME (WEBHOOK_SECRET_KEY); it is kept in the environment's key vault"
fi

if [ -z "${IDENTIFIER_HASH_KEY:-}" ]; then
  # Likewise: under a new key no stored NISS/BIS hash would match again.
  if [ "$(az group exists -n "rg-inclusioncases-$AZURE_ENV_NAME")" = "true" ]; then
    die "environment $AZURE_ENV_NAME is deployed but IDENTIFIER_HASH_KEY is not set here: copy it from its key vault first (docs/deployment.md, The identifier hash key)"
  fi
  azd env set IDENTIFIER_HASH_KEY "$(head -c 32 /dev/urandom | base64 | tr -d '\n')"
  say "made the identifier hash key of environment $AZURE_ENV_NAME (IDENTIFIER_HASH_KEY); it is kept in the environment's key vault"
fi

say "API app registration '$name': client id $app_id (API_CLIENT_ID), app id URI api://$app_id (API_APP_ID_URI)"
