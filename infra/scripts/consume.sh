#!/usr/bin/env bash
# The example consumer of Hyoka's integration events: follows one municipality's topic
# (hyoka.municipality.<code>), skips duplicates by CloudEvents id (remembered in ~/.hyoka-consumer/<code>.seen) and
# prints each event. Contracts: schema/events/README.md.
#
#   infra/scripts/consume.sh 141305                      the broker of infra/kafka/start.sh (127.0.0.1:19092)
#   infra/scripts/consume.sh 141305 broker.example:9092  another broker
set -euo pipefail
cd "$(dirname "$0")/../.."
module=services/hyoka-consumer-example
offline=()
[[ "${MAVEN_OFFLINE:-0}" == 1 ]] && offline=(-o)
mvn "${offline[@]}" -B -ntp -q -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile="$PWD/$module/target/classpath.txt" -pl "$module"
exec java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$module/target/classes:$(cat "$module/target/classpath.txt")" jp.hyoka.example.MunicipalityEvents "$@"
