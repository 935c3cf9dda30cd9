#!/usr/bin/env bash
# Issue 16: the national-scale fan-out of a shared component. 1,788 municipalities × 5 documents (real event-sourced
# assessments, seeded by the domain's commands in parallel in-process) use a component locked or adapted; each round
# publishes a new version and times, from the publication's commit, the commit of its fan-out (a proposal for every
# use) and the moment the last municipality reads its proposals through the tenant-scoped read; beside it the
# BENCHMARKS.md ceiling "10-row transaction, 4 clients" (raw JDBC, ~1 KB jsonb rows) on the same PostgreSQL,
# interleaved, medians, as a ratio (target >= 30 %). Then the usage view's latency at that size as a client sees it
# (POST /graphql, p50 and worst of 20): SharedComponent.usedBy for a platform operator and for one municipality's
# editor, the operator's componentImpact dry run of a drafted next version; the raw SQL beside them as a baseline.
#
#   infra/scripts/bench-fan-out.sh                               # full size: seeding takes most of the run
#   infra/scripts/bench-fan-out.sh --municipalities 200 --documents 5
#
# Options (defaults): --municipalities 1788 --documents 5 --rounds 3 --seeders 4 --durable on
# PostgreSQL as in the tests: TEST_JDBC_URL (+ TEST_JDBC_USER, TEST_JDBC_PASSWORD) if set, else Testcontainers when
# Docker is available, else the embedded PostgreSQL (durable: fsync and synchronous_commit on unless --durable off).
# The report ends with a "RESULT ..." line. Builds with Maven first (offline if MAVEN_OFFLINE=1).
exec "$(dirname "$0")/run-harness.sh" jp.hyoka.server.bench.ComponentFanOutBenchmark "$@"
