#!/usr/bin/env bash
# A throwaway cluster of Debian's PostgreSQL 15 for the test suite (infra/test.sh): `start DIR` creates and starts it
# in DIR on a free loopback port and prints its JDBC URL; `stop DIR` stops it and removes DIR. Used to run
# EventPayloadCompressionIT once more where lz4 exists (V25: zonky's embedded PostgreSQL has none, Debian's has).
# Nothing is installed: without Debian's PostgreSQL 15 `start` prints nothing and fails. As root the cluster runs as
# the package's `postgres` user (PostgreSQL refuses to run as root; STACK.md §1b). fsync off: test data only.
set -euo pipefail
bin=/usr/lib/postgresql/15/bin
action=$1
dir=$2
owner() {
  if [[ "$(id -u)" -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "$action" in
  start)
    [[ -x "$bin/pg_ctl" ]] || exit 1
    [[ "$(id -u)" -ne 0 ]] || id postgres > /dev/null 2>&1 || exit 1
    mkdir -p "$dir"
    [[ "$(id -u)" -ne 0 ]] || chown postgres "$dir"
    owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C --no-sync > "$dir/initdb.log"
    for attempt in 1 2 3 4 5; do
      port=$((20000 + RANDOM % 40000))
      if (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then
        continue                                  # taken
      fi
      if owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
          -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" start > /dev/null; then
        echo "jdbc:postgresql://127.0.0.1:$port/postgres"
        exit 0
      fi
    done
    exit 1
    ;;
  stop)
    if [[ -d "$dir/data" ]]; then
      owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop > /dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $(basename "$0") start|stop DIR" >&2
    exit 2
    ;;
esac
