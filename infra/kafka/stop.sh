#!/usr/bin/env bash
# Stops the broker that start.sh started for an instance (HYOKA_KAFKA_INSTANCE, default .hyoka-data/kafka).
# Its data stays: the next start keeps the topics, their records and the consumers' offsets.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
instance="${HYOKA_KAFKA_INSTANCE:-$root/.hyoka-data/kafka}"
pidfile="$instance/kafka.pid"

if [[ ! -f "$pidfile" ]]; then
  echo "kafka: none started for $instance" >&2
  exit 0
fi
pid="$(cat "$pidfile")"
# Check the pid is still the broker's before signalling a reused pid.
if kill -0 "$pid" 2>/dev/null && grep -qa kafka.Kafka "/proc/$pid/cmdline"; then
  kill -TERM "$pid"
  for _ in $(seq 1 150); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "kafka: pid $pid ignored TERM for 30 s; killing it" >&2
    kill -KILL "$pid" 2>/dev/null || true
  fi
  echo "kafka: stopped (pid $pid)" >&2
fi
rm -f "$pidfile"
