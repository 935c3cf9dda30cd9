#!/usr/bin/env bash
# Builds the web pages into target/classes/META-INF/hyoka-web with the machine's node and npm (Maven's
# generate-resources phase runs it). Installs node_modules with `npm ci` only when package-lock.json changed, and
# builds only when a source changed since the last build: an unchanged module adds about a second to a Maven build.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v npm > /dev/null || ! command -v node > /dev/null; then
  echo "hyoka-web: node and npm are needed to build the web pages: apt-get install nodejs npm" \
    "(or build with -Dhyoka.web.skip=true to keep the pages built last time)" >&2
  exit 1
fi
# Vite 7 needs Node.js 20.19 or later (this machine kind has 20; Debian bookworm's own nodejs is 18).
if ! node -e 'const [major, minor] = process.versions.node.split(".").map(Number);
              process.exit(major > 20 || (major === 20 && minor >= 19) ? 0 : 1)'; then
  echo "hyoka-web: Node.js $(node --version) is too old to build the web pages: Vite 7 needs 20.19 or later" >&2
  exit 1
fi
out=target/classes/META-INF/hyoka-web
stamp=target/npm-build.stamp
# codegen.ts and the server's SDL too: the UI's typed documents (gql/, generated, not committed) follow the schema.
sources=(package.json package-lock.json tsconfig.json vite.config.ts codegen.ts ./*.html src ../../schema/graphql)
if [[ -f "$stamp" && -f "$out/graphiql.html" && -f "$out/app.html" && -z "$(find "${sources[@]}" -newer "$stamp" -print -quit)" ]]; then
  exit 0
fi
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --prefer-offline --no-audit --no-fund --loglevel=error > /dev/null   # errors still reach stderr
fi
mkdir -p target
touch "$stamp.new"
npm run --silent build
mv "$stamp.new" "$stamp"
