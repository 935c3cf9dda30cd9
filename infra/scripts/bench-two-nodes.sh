#!/usr/bin/env bash
# Issue 14: the p50 latency of one edit through the node that holds the read-model processor's token and through a
# second node on the same PostgreSQL (target: within 2x), beside the single-row durable INSERT latency by raw JDBC.
# Two in-process server nodes, one client each, interleaved rounds, medians. About a minute with the defaults.
#
#   infra/scripts/bench-two-nodes.sh [--edits 100] [--rounds 3] [--durable on]
#
# PostgreSQL as in the test suite: TEST_JDBC_URL (+ TEST_JDBC_USER, TEST_JDBC_PASSWORD) if set, else Testcontainers
# when Docker is present, else an embedded PostgreSQL (durable: fsync and synchronous_commit on unless --durable off).
# Builds with Maven first (offline if MAVEN_OFFLINE=1).
exec "$(dirname "$0")/run-harness.sh" jp.hyoka.server.bench.TwoNodesBenchmark "$@"
