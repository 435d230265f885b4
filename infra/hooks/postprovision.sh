#!/bin/sh
# azd postprovision hook (azure.yaml): prints the next step, writing the first Coordinator membership
# with ./dev bootstrap-coordinator (after that, memberships are managed through the API).
# Runs that step itself only when BOOTSTRAP_COORDINATOR_ORGANISATION is set (azd env set ...), with
#   BOOTSTRAP_COORDINATOR_ORGANISATION_NAME  the organisation's display name (default: its id)
#   BOOTSTRAP_COORDINATOR_ORGANISATION_KIND  cpas (default), or another kind the API accepts
# and GRANT_DEPLOYER_TABLE_ACCESS=true, so that your identity (az login) may write the table rows.
# Reads the template's outputs azd stored: AZURE_STORAGE_ACCOUNT_NAME, AZURE_TENANT_ID, and
# AZURE_PRINCIPAL_ID (your object id). See docs/deployment.md.
set -eu
root="$(CDPATH='' cd -- "$(dirname -- "$0")/../.." && pwd)"

say() { printf 'postprovision: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

account="${AZURE_STORAGE_ACCOUNT_NAME:-}"
tenant="${AZURE_TENANT_ID:-}"
[ -n "$account" ] || die "AZURE_STORAGE_ACCOUNT_NAME is not set: did the deployment finish? (azd env get-values)"
[ -n "$tenant" ] || die "AZURE_TENANT_ID is not set: did the deployment finish? (azd env get-values)"
object_id="${AZURE_PRINCIPAL_ID:-}"
if [ -z "$object_id" ] && command -v az >/dev/null 2>&1; then
  object_id="$(az ad signed-in-user show --query id -o tsv 2>/dev/null || true)"
fi
[ -n "$object_id" ] || object_id="<your object id>"

organisation="${BOOTSTRAP_COORDINATOR_ORGANISATION:-}"
if [ -z "$organisation" ]; then
  cat <<EOF
postprovision: next step, once per environment: make yourself the first Coordinator.
  1. Let your own identity write the membership tables (Storage Table Data Contributor):
       azd env set GRANT_DEPLOYER_TABLE_ACCESS true && azd provision
  2. Write the first organisation and your Coordinator membership:
       ./dev bootstrap-coordinator --storage-account $account --tenant-id $tenant \\
         --object-id $object_id --organisation-id <id> --organisation-name "<name>" --organisation-kind cpas
     (or: azd env set BOOTSTRAP_COORDINATOR_ORGANISATION <id> and azd provision again: this hook runs it)
  3. Remove the table role again (docs/deployment.md) and manage memberships through the API.
EOF
  exit 0
fi

if [ "${PRIVATE_NETWORKING:-false}" = true ]; then
  say "PRIVATE_NETWORKING is true: the storage account accepts no public traffic, so the bootstrap is not run from here."
  say "Run ./dev bootstrap-coordinator from a machine inside the VNet (docs/deployment.md), then unset BOOTSTRAP_COORDINATOR_ORGANISATION."
  exit 0
fi
[ "${GRANT_DEPLOYER_TABLE_ACCESS:-false}" = true ] ||
  die "BOOTSTRAP_COORDINATOR_ORGANISATION is set but GRANT_DEPLOYER_TABLE_ACCESS is not true: your identity could not write the tables (azd env set GRANT_DEPLOYER_TABLE_ACCESS true, then azd provision)"
[ "$object_id" != "<your object id>" ] || die "your object id is unknown: set AZURE_PRINCIPAL_ID or sign in with az login"

# A role assignment can take a few minutes to reach the storage service: a refusal is retried.
attempt=1
until "$root/dev" bootstrap-coordinator --storage-account "$account" --tenant-id "$tenant" --object-id "$object_id" \
  --organisation-id "$organisation" --organisation-name "${BOOTSTRAP_COORDINATOR_ORGANISATION_NAME:-$organisation}" \
  --organisation-kind "${BOOTSTRAP_COORDINATOR_ORGANISATION_KIND:-cpas}"; do
  [ "$attempt" -lt "${BOOTSTRAP_ATTEMPTS:-6}" ] || die "./dev bootstrap-coordinator failed $attempt times"
  say "bootstrap failed (attempt $attempt); the role assignment may not have propagated yet, retrying in ${BOOTSTRAP_RETRY_SECONDS:-30} s..."
  attempt=$((attempt + 1))
  sleep "${BOOTSTRAP_RETRY_SECONDS:-30}"
done
say "organisation '$organisation' and your Coordinator membership are written: unset BOOTSTRAP_COORDINATOR_ORGANISATION (azd env set BOOTSTRAP_COORDINATOR_ORGANISATION \"\") and remove the table role (docs/deployment.md)."
