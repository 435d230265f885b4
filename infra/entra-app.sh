#!/bin/sh
# Creates or updates the API's Entra ID app registration with the app roles the API checks, and prints
# its application (client) id: the apiClientId parameter of main.bicep. Idempotent: run it again to
# bring an existing registration back to this definition.
# Needs the Azure CLI, signed in (az login) with rights to register applications.
#   infra/entra-app.sh ["InclusionCases API (test)"]
# The registration is found by API_CLIENT_ID when that is set (the preprovision hook passes the one in
# the azd environment), else by its display name, which must then be unique in the tenant.
# A script step rather than the Microsoft Graph Bicep extension: that extension is fetched from a
# registry at build time, which the project's CI cannot reach, so it could not be validated there.
# POSIX sh: azd runs it from infra/hooks/preprovision.sh on Linux and macOS alike.
set -eu
name="${1:-InclusionCases API}"

# Stable ids: a role keeps its id across runs and environments, so assignments survive updates.
roles='[
 {"value":"SocialWorker","displayName":"Social worker","description":"Opens and updates cases (CPAS, NGO).","id":"6f3b1c2e-1a4d-4e8b-9c01-5a7d2e3f4b01","allowedMemberTypes":["User"],"isEnabled":true},
 {"value":"Mediator","displayName":"Street mediator","description":"Logs street contacts.","id":"6f3b1c2e-1a4d-4e8b-9c01-5a7d2e3f4b02","allowedMemberTypes":["User"],"isEnabled":true},
 {"value":"Partner","displayName":"Partner system","description":"A partner organisation'"'"'s system: reads visible cases, adds shared notes, answers referrals.","id":"6f3b1c2e-1a4d-4e8b-9c01-5a7d2e3f4b03","allowedMemberTypes":["Application"],"isEnabled":true},
 {"value":"Coordinator","displayName":"Coordinator","description":"Manages organisations and members, reads aggregated reports.","id":"6f3b1c2e-1a4d-4e8b-9c01-5a7d2e3f4b04","allowedMemberTypes":["User"],"isEnabled":true},
 {"value":"Auditor","displayName":"Data-protection officer","description":"Reads the audit log, exports and erases a person.","id":"6f3b1c2e-1a4d-4e8b-9c01-5a7d2e3f4b05","allowedMemberTypes":["User"],"isEnabled":true},
 {"value":"Operator","displayName":"Operator","description":"Sees and replays poison messages.","id":"6f3b1c2e-1a4d-4e8b-9c01-5a7d2e3f4b06","allowedMemberTypes":["User"],"isEnabled":true}
]'

app_id=""
if [ -n "${API_CLIENT_ID:-}" ]; then
  app_id="$(az ad app show --id "$API_CLIENT_ID" --query appId -o tsv 2>/dev/null || true)"
  if [ -z "$app_id" ]; then
    echo "entra-app: no app registration $API_CLIENT_ID (API_CLIENT_ID) in this tenant; looking for '$name'" >&2
  fi
fi
if [ -z "$app_id" ]; then
  found="$(az ad app list --display-name "$name" --query "[].appId" -o tsv)"
  count="$(printf '%s' "$found" | grep -c . || true)"
  if [ "$count" -gt 1 ]; then
    echo "entra-app: $count app registrations are named '$name'; set API_CLIENT_ID to the one to use" >&2
    exit 1
  fi
  app_id="$found"
fi

if [ -z "$app_id" ]; then
  echo "entra-app: creating app registration '$name'..." >&2
  app_id="$(az ad app create --display-name "$name" --sign-in-audience AzureADMyOrg --app-roles "$roles" --query appId -o tsv)"
else
  echo "entra-app: updating app registration '$name' ($app_id)..." >&2
  az ad app update --id "$app_id" --app-roles "$roles" >/dev/null
fi
# v2 access tokens carry aud = the client id GUID (api://{id} when asked for by the URI): the API accepts
# exactly those two, derived from the apiClientId the template receives.
az ad app update --id "$app_id" --identifier-uris "api://$app_id" --set api.requestedAccessTokenVersion=2 >/dev/null
az ad sp show --id "$app_id" >/dev/null 2>&1 || az ad sp create --id "$app_id" >/dev/null
echo "$app_id"
