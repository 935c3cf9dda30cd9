#!/usr/bin/env bash
# History-growth benchmark, issue 22 and BENCHMARKS.md row 5: one document edited to revision 10,000 through the
# server's own Editing service (what the answerItem mutation calls: Axon, JDBC event store, read-your-writes), edit and
# command latency p50/p99 per band of 1,000 revisions, verdict "flat" when the band p50s are within 20 %; then a
# 10-event assessment loaded through Axon's repository (no cache) against a raw JDBC select of its rows, interleaved,
# median of the rounds' p50 ratio, target ≤ 2.
#
#   infra/scripts/bench-history.sh                        # snapshots every 250 events: about 4 minutes on 2 cores
#   infra/scripts/bench-history.sh --snapshot-every 0     # snapshots off, as before issue 22: slower as it grows
#   infra/scripts/bench-history.sh --revisions 2000 --band 500
#
# Options (defaults): --revisions 10000 --band 1000 --warmup 500 --snapshot-every 250 --rounds 5 --loads 200
#                     --durable on --load-warmup 1000 (loads of both sides before row 5's rounds, not measured)
# PostgreSQL as in the tests (TEST_JDBC_URL, else Testcontainers, else embedded, fsync and synchronous_commit on with
# --durable on). The report ends with a "RESULT ..." line. Needs JDK 17 and Maven.
exec "$(dirname "$0")/run-harness.sh" jp.hyoka.server.bench.HistoryGrowthBenchmark "$@"
