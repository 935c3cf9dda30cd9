#!/usr/bin/env bash
# Rebuilds every read model (rm_* tables) from the events through the GraphQL API and follows it to the end:
# the copies are built beside the live tables and replace them once caught up (README, "Rebuilding read models").
#
#   infra/scripts/rebuild-read-models.sh            rebuild, switch when caught up, wait for SWITCHED
#   infra/scripts/rebuild-read-models.sh --manual   rebuild and wait until caught up; switch later with --switch
#   infra/scripts/rebuild-read-models.sh --switch   switch the active (manual) rebuild in, wait for SWITCHED
#   infra/scripts/rebuild-read-models.sh --status   print the current or last rebuild once
#
#   HYOKA_URL       GraphQL endpoint (default http://localhost:8080/graphql)
#   HYOKA_TOKEN     a bearer token with the role platform-operator (run.sh prints a development one)
#   HYOKA_INTERVAL  seconds between progress lines (default 2)
# Exit status: 0 when done (SWITCHED; CAUGHT_UP for --manual), 1 when the rebuild FAILED, 2 when the API refused.
set -euo pipefail
url="${HYOKA_URL:-http://localhost:8080/graphql}"
: "${HYOKA_TOKEN:?set HYOKA_TOKEN to the bearer token of a platform operator}"
interval="${HYOKA_INTERVAL:-2}"
fields='processor state switchOver eventsProcessed position headPosition percent startedAt caughtUpAt switchedAt pauseMillis error'
result="... on RebuildStatus { $fields } ... on Problem { code message }"
mode=auto
case "${1:-}" in
  "") ;;
  --manual) mode=manual ;;
  --switch) mode=switch ;;
  --status) mode=status ;;
  *) sed -n '2,14p' "$0" >&2; exit 2 ;;
esac

call() { # a GraphQL operation (no variables) → the response body
  local body
  body=$(printf '{"query": "%s"}' "$1")
  curl -sS --fail-with-body -H "Authorization: Bearer $HYOKA_TOKEN" -H 'Content-Type: application/json' \
    --data-binary "$body" "$url"
}
field() { # the value of a scalar field in a compact JSON response ("" for null)
  printf '%s' "$2" | sed -n -E "s/.*\"$1\":(\"([^\"]*)\"|([^,}\"]*)).*/\\2\\3/p" | sed 's/^null$//'
}
report() { # one progress line
  printf '%s  %-9s %5s%%  position %s of %s  events %s%s\n' "$(date +%H:%M:%S)" "$(field state "$1")" \
    "$(field percent "$1")" "$(field position "$1")" "$(field headPosition "$1")" "$(field eventsProcessed "$1")" \
    "$( [[ -n "$(field pauseMillis "$1")" ]] && printf '  (live paused %s ms)' "$(field pauseMillis "$1")")"
}
refused() {
  if [[ "$1" == *'"errors"'* || "$1" == *'"code"'* ]]; then
    echo "refused: $1" >&2
    exit 2
  fi
}

case "$mode" in
  auto) response=$(call "mutation { rebuildReadModels(switchOver: WHEN_CAUGHT_UP) { $result } }") ;;
  manual) response=$(call "mutation { rebuildReadModels(switchOver: MANUAL) { $result } }") ;;
  switch) response=$(call "mutation { switchReadModels { $result } }") ;;
  status) response=$(call "{ readModelRebuild { $fields } }") ;;
esac
refused "$response"
if [[ "$mode" == status ]]; then
  echo "$response"
  exit 0
fi
echo "rebuild $(field processor "$response") ($(field switchOver "$response"))"
while true; do
  report "$response"
  state=$(field state "$response")
  case "$state" in
    SWITCHED) exit 0 ;;
    FAILED) echo "failed: $(field error "$response")" >&2; exit 1 ;;
    CAUGHT_UP)
      if [[ "$(field switchOver "$response")" == MANUAL ]]; then
        echo "caught up and following the event store; switch with: $0 --switch"
        exit 0
      fi ;;
  esac
  sleep "$interval"
  response=$(call "{ readModelRebuild { $fields } }")
  refused "$response"
done
