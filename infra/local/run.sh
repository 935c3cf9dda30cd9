#!/usr/bin/env bash
# Builds Hyoka and starts it on the embedded default: embedded PostgreSQL (data in .hyoka-data/, kept across
# restarts), the development token issuer, and the demo municipalities 川崎市 and 旭川市. Prints the GraphQL URL,
# the GraphiQL URL and a ready-to-paste Authorization header per demo editor.
#
#   HYOKA_PORT=8080            HTTP port
#   HYOKA_DATA_DIR=...         embedded PostgreSQL data directory (default .hyoka-data/postgres)
#   HYOKA_JDBC_URL=jdbc:...    use this external PostgreSQL instead (HYOKA_JDBC_USER, HYOKA_JDBC_PASSWORD)
#
#   HYOKA_KAFKA_BOOTSTRAP_SERVERS=host:port   publish integration events to this Kafka (default: none, they wait)
#
#   HYOKA_LOG_FORMAT=json      log JSON lines (one object per line) instead of the human format
#   HYOKA_REQUEST_LOG_LEVEL=WARN   silence the one line per GraphQL request (default INFO)
#   OTEL_TRACES_EXPORTER=otlp OTEL_EXPORTER_OTLP_ENDPOINT=http://collector:4318   send traces (default: none)
#
#   --keycloak                 sign in through the real Keycloak of infra/keycloak instead of the development issuer:
#                              started unless running (it keeps running for the next start; infra/keycloak/stop.sh),
#                              tokens from infra/keycloak/token.sh kawasaki-editor
#   --kafka                    publish integration events to the real Kafka broker of infra/kafka: started unless
#                              running (it keeps running for the next start; infra/kafka/stop.sh)
set -euo pipefail
cd "$(dirname "$0")/../.."
environments=dev
while [[ "${1:-}" == --keycloak || "${1:-}" == --kafka ]]; do
  mkdir -p .hyoka-data
  case "$1" in
    --keycloak)
      environments=dev,keycloak
      # Keycloak starts (15 s; the very first time 60-90 s) while Maven builds.
      infra/keycloak/start.sh > .hyoka-data/keycloak-issuer &
      keycloak=$! ;;
    --kafka)
      # The broker starts (5 s; the very first time the jars are fetched too) while Maven builds.
      infra/kafka/start.sh > .hyoka-data/kafka-bootstrap &
      kafka=$! ;;
  esac
  shift
done
# The PDF export's Japanese font (Debian's IPAex); without it the server runs and refuses PDF exports only.
infra/scripts/install-fonts.sh || echo "PDF export off: its font could not be installed (see above)" >&2
mvn -B -q -DskipTests install
if [[ -n "${keycloak:-}" ]]; then
  wait "$keycloak"
  HYOKA_OIDC_ISSUER="$(cat .hyoka-data/keycloak-issuer)"
  export HYOKA_OIDC_ISSUER
  echo "Sign in: HYOKA_TOKEN=\$(infra/keycloak/token.sh kawasaki-editor)   (users and passwords: README, Keycloak)"
fi
if [[ -n "${kafka:-}" ]]; then
  wait "$kafka"
  HYOKA_KAFKA_BOOTSTRAP_SERVERS="$(cat .hyoka-data/kafka-bootstrap)"
  export HYOKA_KAFKA_BOOTSTRAP_SERVERS
fi
if [[ -n "${HYOKA_KAFKA_BOOTSTRAP_SERVERS:-}" ]]; then
  echo "Integration events: published to Kafka at $HYOKA_KAFKA_BOOTSTRAP_SERVERS, topics hyoka.municipality.<地方公共団体コード> and hyoka.platform; follow one: infra/scripts/consume.sh 141305 (README, Integration events)"
else
  echo "Integration events: no Kafka configured; they wait in integration_outbox (--kafka starts a broker)"
fi
# The deployment's launcher: services/hyoka-server/jvm.options and the class-data archive, made by a training start
# the first time after a build (HYOKA_CDS_TRAIN=1; its log: services/hyoka-server/target/hyoka-server.jsa.training.log;
# HYOKA_CDS=off skips it; infra/scripts/server.sh, infra/docs/startup.md).
HYOKA_CDS_TRAIN="${HYOKA_CDS_TRAIN:-1}" exec infra/scripts/server.sh -Dmicronaut.environments="$environments" -- "$@"
