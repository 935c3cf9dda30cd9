#!/usr/bin/env bash
# Runs the whole test suite: domain unit tests, schema checks, server unit tests (surefire), and the integration
# and end-to-end tests (failsafe, *IT) against a real PostgreSQL. PostgreSQL comes from TEST_JDBC_URL if set,
# else Testcontainers if a Docker engine is present, else the embedded PostgreSQL from Maven Central. The browser
# tests (*BrowserIT) drive Debian's headless Chromium and the PDF export tests need Debian's IPAex font: both are
# installed here first (apt-get) when missing. Where the machine has Debian's PostgreSQL 15 (not installed here),
# EventPayloadCompressionIT runs a second time on a throwaway cluster of it: V25's lz4 path (the embedded PostgreSQL
# has no lz4).
set -euo pipefail
cd "$(dirname "$0")/.."
infra/scripts/install-chromium.sh
infra/scripts/install-fonts.sh
debian_postgres=()
cluster=$(mktemp -d "${TMPDIR:-/tmp}/hyoka-debian-postgres.XXXXXX")
trap 'infra/scripts/debian-postgres.sh stop "$cluster"' EXIT
if url=$(infra/scripts/debian-postgres.sh start "$cluster"); then
  debian_postgres=(-Dhyoka.debian-postgres.skip=false "-Dhyoka.debian-postgres.url=$url")
else
  echo "No Debian PostgreSQL 15 here: EventPayloadCompressionIT runs on the embedded PostgreSQL only (pglz)" >&2
fi
mvn -B -ntp verify "${debian_postgres[@]}" "$@"
