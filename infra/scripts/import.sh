#!/usr/bin/env bash
# Imports published 評価書 files into Hyoka through its GraphQL API (mutation importDocument), one assessment per
# file, and prints each import report as JSON. Importing the same file again adds nothing.
#
#   infra/scripts/import.sh FILE...                          a whole 評価書 (its title row names the form)
#   infra/scripts/import.sh --kind KEY_ITEMS --affair 名称 FILE   a 変更箇所 annex alone
#
#   HYOKA_URL    GraphQL endpoint (default http://localhost:8080/graphql)
#   HYOKA_TOKEN  a bearer token of an editor of the municipality to import into (run.sh prints dev tokens)
set -euo pipefail
url="${HYOKA_URL:-http://localhost:8080/graphql}"
: "${HYOKA_TOKEN:?set HYOKA_TOKEN to the bearer token of an editor}"
kind=null
affair=null
json_string() { # a shell string as a JSON string literal (backslashes and quotes escaped)
  local escaped
  escaped=$(printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g')
  printf '"%s"' "$escaped"
}
while [[ $# -gt 0 ]]; do
  case "$1" in
    --kind) kind=$(json_string "$2"); shift 2 ;;
    --affair) affair=$(json_string "$2"); shift 2 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
[[ $# -gt 0 ]] || { sed -n '2,10p' "$0" >&2; exit 2; }
query='mutation($name: String, $content: String!, $kind: FormKind, $affair: String) { importDocument(input: {fileName: $name, contentBase64: $content, kind: $kind, affairName: $affair}) { __typename ... on DocumentImported { revision assessment { id affairName } report { form rowsRead rowsMapped rowsWarned answers repeatEntries pastChanges itemPathsResolved encoding alreadyImported warnings { code line message } } } ... on Problem { code message } } }'
for file in "$@"; do
  body_file=$(mktemp)
  trap 'rm -f "$body_file"' EXIT
  printf '{"query": %s, "variables": {"name": %s, "kind": %s, "affair": %s, "content": "' \
    "$(json_string "$query")" "$(json_string "$(basename "$file")")" "$kind" "$affair" > "$body_file"
  base64 -w0 "$file" >> "$body_file"
  printf '"}}' >> "$body_file"
  echo "== $file"
  curl -sS --fail-with-body -H "Authorization: Bearer $HYOKA_TOKEN" -H 'Content-Type: application/json' \
    --data-binary "@$body_file" "$url"
  echo
  rm -f "$body_file"
done
