#!/usr/bin/env bash
# One command for every row of ../shared/BENCHMARKS.md (infra/bench/README.md): rows 1-10 and the load run, each row
# interleaved with its raw-JDBC ceiling on the same durable PostgreSQL in the same run (medians of >= 3 rounds);
# writes bench-report.md and bench-report.json.
#
#   infra/bench/run.sh                 # full: about 15 minutes on 2 cores
#   infra/bench/run.sh --quick         # the same rows, 1 s sides: ~4 minutes on a busy 2-core machine
#   infra/bench/run.sh --quick --scale 1e4,1e5,1e6 # + every row again among each level's data set (infra/bench/README.md)
#   infra/bench/run.sh --out DIR       # where the reports go (default services/hyoka-server/target/bench)
#   infra/bench/run.sh --rows 8        # only the rows named (1,2,3,...,10, load): e.g. row 8 alone in about a minute
#
# PostgreSQL: HYOKA_JDBC_URL (+ HYOKA_JDBC_USER, HYOKA_JDBC_PASSWORD; the user must be allowed to CREATE DATABASE:
# every row gets a fresh one) if set, else the embedded PostgreSQL started with fsync and synchronous_commit on.
# HYOKA_BENCH_JFR=1 records a JFR profile of the run (target/bench/run.jfr). Builds first (offline if MAVEN_OFFLINE=1).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --out) args+=(--out "$(mkdir -p "$2" && cd "$2" && pwd)"); shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
if [[ -n "${HYOKA_JDBC_URL:-}" ]]; then
  export TEST_JDBC_URL="$HYOKA_JDBC_URL" TEST_JDBC_USER="${HYOKA_JDBC_USER:-postgres}"
  export TEST_JDBC_PASSWORD="${HYOKA_JDBC_PASSWORD:-}"
fi
if [[ "${HYOKA_BENCH_JFR:-0}" == 1 ]]; then
  mkdir -p "$root/services/hyoka-server/target/bench"
  export HARNESS_JAVA_OPTIONS="-XX:StartFlightRecording=filename=target/bench/run.jfr,settings=profile"
fi
exec "$root/infra/scripts/run-harness.sh" jp.hyoka.server.bench.BenchRunner "${args[@]}"
