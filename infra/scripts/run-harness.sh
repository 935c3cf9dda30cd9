#!/usr/bin/env bash
# Runs a main class from the server's test sources (a benchmark harness) on this checkout: one reactor build, so the
# server sees this checkout's domain and schema, never older jars from ~/.m2; no tests run. Offline if
# MAVEN_OFFLINE=1; HARNESS_JAVA_OPTIONS adds JVM options (e.g. a JFR recording).
#
#   infra/scripts/run-harness.sh jp.hyoka.server.bench.TwoNodesBenchmark [arguments]
set -euo pipefail
cd "$(dirname "$0")/../.."
main=$1
shift
offline=()
[[ "${MAVEN_OFFLINE:-0}" == 1 ]] && offline=(-o)
server=services/hyoka-server
classpath=$server/target/harness-classpath.txt
mvn "${offline[@]}" -B -ntp -q -DskipTests package dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$classpath" -pl "$server" -am
cd "$server"                     # where the tests run too (their relative paths hold)
exec java -Xmx1g ${HARNESS_JAVA_OPTIONS:-} -Ddisable-axoniq-console-message=true \
  -cp "target/test-classes:target/classes:$(cat target/harness-classpath.txt)" "$main" "$@"
