#!/usr/bin/env bash
# -Dhyoka.web.skip=true (Maven's generate-resources, instead of build.sh): the jar gets the pages built last time, so
# that a build without npm never installs a hyoka-web without pages into the shared local repository, where every
# build resolving hyoka-web from it (the bench's row 9, AccessIT) would lose /graphiql and /app.
#   1. the pages built last time in this module (target/classes/META-INF/hyoka-web): kept as they are;
#   2. else those of the hyoka-web jar in the local repository ($1), copied into target/classes;
#   3. else the build fails, unless $2 is true (-Dhyoka.web.pageless=true): then the jar has no pages and the module's
#      install is skipped (the pom's web-pageless profile).
set -euo pipefail
cd "$(dirname "$0")/.."
installed=$1
pageless=${2:-false}
out=target/classes/META-INF/hyoka-web
pages=(graphiql.html app.html)

# The jar's entries, and its pages extracted into target/classes: unzip, or the JDK's jar where unzip is missing.
entries() {
  if command -v unzip > /dev/null; then unzip -Z1 "$1"; else jar tf "$1"; fi
}
extract_pages() {
  mkdir -p target/classes
  if command -v unzip > /dev/null; then
    unzip -q -o "$1" 'META-INF/hyoka-web/*' -d target/classes
  else
    (cd target/classes && jar xf "$1" META-INF/hyoka-web)
  fi
}

has_pages() {
  local page
  for page in "${pages[@]}"; do
    [[ -f "$out/$page" ]] || return 1
  done
}

if has_pages; then
  echo "hyoka-web: -Dhyoka.web.skip: npm left out, the pages built last time are kept ($out)"
  exit 0
fi
if [[ -f "$installed" ]] && [[ $(entries "$installed" | grep -cxE "META-INF/hyoka-web/(${pages[0]}|${pages[1]})") == 2 ]]; then
  extract_pages "$installed"
  echo "hyoka-web: -Dhyoka.web.skip: npm left out; no pages built here, so those of $installed are used"
  exit 0
fi
if [[ "$pageless" == true ]]; then
  echo "hyoka-web: WARNING: building without pages (-Dhyoka.web.pageless=true): /graphiql and /app answer 404," \
    "and hyoka-web is not installed into the local repository" >&2
  exit 0
fi
echo "hyoka-web: -Dhyoka.web.skip=true but there are no pages to keep: none built in $PWD/target and none in" \
  "$installed. Build once without -Dhyoka.web.skip (node and npm: scripts/build.sh), or add" \
  "-Dhyoka.web.pageless=true for a build without pages (then hyoka-web is not installed)." >&2
exit 1
