#!/usr/bin/env bash
# Prints an access token for the Hyoka API from the development Keycloak (start.sh): the password grant of the
# public client hyoka-cli. The development realm's passwords are <user>-pw.
#
#   infra/keycloak/token.sh kawasaki-editor
#   infra/keycloak/token.sh USER PASSWORD organization:141305    a member of several municipalities chooses one
#   HYOKA_TOKEN=$(infra/keycloak/token.sh kawasaki-editor) infra/scripts/import.sh 評価書.txt
#
#   HYOKA_OIDC_ISSUER   the realm (default http://127.0.0.1:${HYOKA_KC_PORT:-18080}/realms/hyoka)
set -euo pipefail
user="${1:?usage: infra/keycloak/token.sh USER [PASSWORD [SCOPE]]}"
password="${2:-$user-pw}"
issuer="${HYOKA_OIDC_ISSUER:-http://127.0.0.1:${HYOKA_KC_PORT:-18080}/realms/hyoka}"
response="$(curl -s -d grant_type=password -d client_id=hyoka-cli --data-urlencode "username=$user" \
  --data-urlencode "password=$password" ${3:+--data-urlencode "scope=$3"} "$issuer/protocol/openid-connect/token" || true)"
token="$(printf '%s' "$response" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')"
if [[ -z "$token" ]]; then
  echo "keycloak: no token for $user from $issuer: ${response:-no answer (is infra/keycloak/start.sh running?)}" >&2
  exit 1
fi
echo "$token"
