#!/usr/bin/env bash
# Builds Hyoka and starts it on the embedded default: embedded PostgreSQL (data in .hyoka-data/, kept across
# restarts), the development token issuer, and the demo municipalities 川崎市 and 旭川市. Prints the GraphQL URL,
# the GraphiQL URL and a ready-to-paste Authorization header per demo editor.
#
#   HYOKA_PORT=8080            HTTP port
#   HYOKA_DATA_DIR=...         embedded PostgreSQL data directory (default .hyoka-data/postgres)
#   HYOKA_JDBC_URL=jdbc:...    use this external PostgreSQL instead (HYOKA_JDBC_USER, HYOKA_JDBC_PASSWORD)
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -DskipTests install
server=services/hyoka-server
exec java -Xmx512m -Dmicronaut.environments=dev \
  -cp "$server/target/classes:$server/target/lib/*" jp.hyoka.server.HyokaServer "$@"
