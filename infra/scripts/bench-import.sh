#!/usr/bin/env bash
# Bulk-import benchmark, BENCHMARKS.md row 4: the product's document import (samples 000, 003, 004 and the annex-only
# 001, each set into a new municipality, through the server's own DocumentImport, Axon and JDBC event store) against
# a plain JDBC batch insert of ~1 KB jsonb rows (reWriteBatchedInserts=true, 1000 rows/txn) on the same PostgreSQL,
# interleaved, median of the rounds, as a ratio. Also how the rate changes as the event table grows.
#
#   infra/scripts/bench-import.sh                       # 10^4 and 10^5 events: about 3 minutes on 2 cores
#   infra/scripts/bench-import.sh --levels 1e4,1e5,1e6  # adds 10^6 events: about 10 more minutes
#   infra/scripts/bench-import.sh --levels ""           # no filling, just the rounds: about 1 minute
#
# Options (defaults): --rounds 5 --sets 4 --warmup 48 --warmup-max 600 --warmup-batch 8 --warmup-jit-share 0.05
#                     --levels 10000,100000 --clients 1 --durable on --row-bytes 1024 --rows-per-txn 1000
# The warm-up runs until the JIT is done with the import's code: at least --warmup sets, then batches of
# --warmup-batch sets until the JIT compiler threads' CPU in a batch is at most --warmup-jit-share of the process's CPU
# in two batches in a row, at most --warmup-max sets (the report says which ended it, and the compilers' share of the
# process's CPU during the measured rounds). --warmup-max equal to --warmup gives a fixed warm-up.
# --clients takes a list too ("2,1": each count measured in every round, the ceiling with as many threads; the sets
# per round must be a multiple of each count). infra/bench/run.sh's row 4 runs "2,1".
# PostgreSQL as in the tests: TEST_JDBC_URL (+ TEST_JDBC_USER, TEST_JDBC_PASSWORD) if set, else Testcontainers when
# Docker is available, else the embedded PostgreSQL, started with fsync and synchronous_commit on (--durable on).
# The report ends with one "RESULT ..." line per table size. Needs JDK 17 and Maven (Maven Central for a first build).
exec "$(dirname "$0")/run-harness.sh" jp.hyoka.server.bench.ImportBenchmark "$@"
