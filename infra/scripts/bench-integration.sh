#!/usr/bin/env bash
# Integration events' speed (issue 17), on one PostgreSQL, interleaved round by round, medians:
#  1. relay throughput, BENCHMARKS.md row 10: --rows outbox rows (~0.7 KB JSON payloads, --keys message keys over 20
#     municipalities' topics) seeded with plain JDBC; the product's OutboxRelay (advisory lock, idempotent producer,
#     acks=all, batches of --batch-size) started on that backlog and timed until the last row is marked published;
#     ceiling "ordered read + Jackson deserialisation" (the same rows read by position with a cursor, payloads parsed
#     by Jackson, raw JDBC). Target >= 50 %.
#  2. the outbox row's cost per command (rows 1 and 2): StartAssessment (assessment.started is told outside) through
#     the command gateway, p50 at 1 client and commands/s at --clients clients, with the product's outbox writer and
#     with it writing nothing (a test-only switch, SwitchableOutbox); ceilings: single-row durable INSERT (~1 KB jsonb),
#     p50 at 1 client and rows/s at --clients clients.
#
#   infra/scripts/bench-integration.sh                                   # the tests' broker (in-process or Docker)
#   infra/kafka/start.sh && infra/scripts/bench-integration.sh --bootstrap 127.0.0.1:19092    # infra/kafka's broker
#
# Options (defaults): --rows 50000 --keys 300 --payload-bytes 768 --batch-size 2000 --rounds 3 --latency-commands 1000
#                     --clients 16 --commands-per-client 60 --durable on --bootstrap (none: the tests' broker)
# PostgreSQL as in the tests: TEST_JDBC_URL (+ TEST_JDBC_USER, TEST_JDBC_PASSWORD) if set, else Testcontainers when
# Docker is available, else the embedded PostgreSQL (durable: fsync and synchronous_commit on unless --durable off).
# The report ends with a "RESULT ..." line. Builds with Maven first (offline if MAVEN_OFFLINE=1).
exec "$(dirname "$0")/run-harness.sh" jp.hyoka.server.bench.IntegrationBenchmark "$@"
