#!/usr/bin/env bash
# Stops the Keycloak that start.sh started for an instance (HYOKA_KC_INSTANCE, default .hyoka-data/keycloak).
# Its database stays: the next start is quick and keeps what was created at run time.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
instance="${HYOKA_KC_INSTANCE:-$root/.hyoka-data/keycloak}"
pidfile="$instance/keycloak.pid"

if [[ ! -f "$pidfile" ]]; then
  echo "keycloak: none started for $instance" >&2
  exit 0
fi
pid="$(cat "$pidfile")"
# The pid is kc.sh's, which passes TERM on to the JVM; check it is still ours before signalling a reused pid.
if kill -0 "$pid" 2>/dev/null && grep -qa keycloak "/proc/$pid/cmdline"; then
  kill -TERM "$pid"
  for _ in $(seq 1 30); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "keycloak: pid $pid ignored TERM for 30 s; killing it" >&2
    for child in $(ps -o pid= --ppid "$pid"); do kill -KILL "$child" 2>/dev/null || true; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  echo "keycloak: stopped (pid $pid)" >&2
fi
rm -f "$pidfile"
