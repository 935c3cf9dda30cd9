#!/usr/bin/env bash
# Runs the whole test suite: domain unit tests, schema checks, server unit tests (surefire), and the integration
# and end-to-end tests (failsafe, *IT) against a real PostgreSQL. PostgreSQL comes from TEST_JDBC_URL if set,
# else Testcontainers if a Docker engine is present, else the embedded PostgreSQL from Maven Central. The browser
# tests (*BrowserIT) drive Debian's headless Chromium and the PDF export tests need Debian's IPAex font: both are
# installed here first (apt-get) when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
infra/scripts/install-chromium.sh
infra/scripts/install-fonts.sh
exec mvn -B -ntp verify "$@"
