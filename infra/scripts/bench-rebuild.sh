#!/usr/bin/env bash
# BENCHMARKS.md rows 6 and 7: event processor throughput without handler work (vs ordered read + Jackson by raw
# JDBC) and read-model rebuild into PostgreSQL (vs 100-row-transaction INSERTs by raw JDBC), interleaved rounds,
# medians, ratios. Prints report.md; report.json beside it. About a minute with the defaults on 2 cores, plus the
# build (20 municipalities × samples 000/003/004 = 12,620 events; importing them takes ~40 s of it).
#
#   infra/scripts/bench-rebuild.sh [--tenants 20] [--warmup 1] [--rounds 3] [--out services/hyoka-server/target/bench-rebuild]
#
# PostgreSQL as in the test suite: TEST_JDBC_URL (+ TEST_JDBC_USER, TEST_JDBC_PASSWORD) if set, else Testcontainers
# when Docker is present, else an embedded PostgreSQL. Builds with Maven first (offline if MAVEN_OFFLINE=1).
exec "$(dirname "$0")/run-harness.sh" jp.hyoka.server.rebuild.RebuildBenchmark "$@"
