#!/usr/bin/env bash
# Starts a real Keycloak 26.7.3 with the Hyoka realm (realm/*.json), without Docker, in the background, waits
# until its OIDC discovery answers and prints the issuer URL on stdout (progress goes to stderr). The tests start
# their Keycloak through this script too (KeycloakServer).
#
# DEVELOPMENT ONLY: the realm's passwords, the hyoka-admin client secret and the master realm's admin/admin are
# published in this repository. Never import realm/hyoka-realm.json into a Keycloak anyone else can reach.
#
#   infra/keycloak/start.sh            start (or find running) the instance; print its issuer
#   infra/keycloak/start.sh --fresh    forget the instance's Keycloak database first (the tests do)
#   infra/keycloak/stop.sh             stop it
#
#   HYOKA_KC_PORT=18080                HTTP port (bound to 127.0.0.1)
#   HYOKA_KC_MANAGEMENT_PORT=19000     management port (Keycloak's default 9000 clashes too easily)
#   HYOKA_KC_INSTANCE=.hyoka-data/keycloak   this instance's database, log and pid (one per running Keycloak)
#   HYOKA_CACHE=~/.cache/hyoka         the unpacked distribution, shared by all instances and clones
#   HYOKA_KC_ADMIN_PASSWORD=admin      password of the master realm's bootstrap admin (user admin)
#   HYOKA_KC_WAIT=300                  seconds to wait for readiness (the first start builds for 40-70 s)
#   HYOKA_KC_WATCH_PID=                stop Keycloak when this process ends (the test JVM)
#
# Why it looks like this (../shared/STACK.md §3):
# - The distribution is fetched once with Maven (Central is the only source these machines reach) and unpacked
#   outside the clone, so every clone and test run reuses it and its Quarkus build.
# - start-dev re-runs the 40-50 s Quarkus build whenever a build option changes, so the flags below never vary;
#   ports, host and home directory are runtime options and may.
# - Each instance is a Keycloak home of its own (-Dkc.home.dir): its data/ (H2 database, import folder) is
#   separate, so the tests' Keycloak and a developer's can run side by side from one distribution. Its lib/ must
#   link to the distribution's: Keycloak looks for its persisted build there and rebuilds at every start if absent.
# - The realm is imported with IGNORE_EXISTING: a changed realm file is only read into an empty database, so the
#   database is wiped whenever the realm files differ from the ones last imported.
set -euo pipefail

version=26.7.3
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
port="${HYOKA_KC_PORT:-18080}"
management_port="${HYOKA_KC_MANAGEMENT_PORT:-19000}"
instance="${HYOKA_KC_INSTANCE:-$root/.hyoka-data/keycloak}"
cache="${HYOKA_CACHE:-$HOME/.cache/hyoka}"
dist="$cache/keycloak-$version"
wait_seconds="${HYOKA_KC_WAIT:-300}"
fresh=false
for arg in "$@"; do
  case "$arg" in
    --fresh) fresh=true ;;
    -h|--help) sed -n '2,20p' "$0" >&2; exit 0 ;;
    *) echo "unknown option $arg" >&2; exit 2 ;;
  esac
done

say() { echo "keycloak: $*" >&2; }
issuer="http://127.0.0.1:$port/realms/hyoka"
discovery="$issuer/.well-known/openid-configuration"
mkdir -p "$cache" "$instance"
instance="$(cd "$instance" && pwd)"
pidfile="$instance/keycloak.pid"
log="$instance/keycloak.log"

if [[ -f "$pidfile" ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
  if curl -sf -o /dev/null "$discovery"; then
    say "already running (pid $(cat "$pidfile")); infra/keycloak/stop.sh stops it (needed to reload the realm)"
    echo "$issuer"
    exit 0
  fi
  say "pid $(cat "$pidfile") runs for $instance but $discovery does not answer; see $log or run stop.sh"
  exit 1
fi
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  say "port $port is taken by another process; set HYOKA_KC_PORT"
  exit 1
fi

# One unpack and one Quarkus build at a time: instances share the distribution's lib/quarkus.
exec 9>"$cache/keycloak-$version.lock"
if ! flock -n 9; then
  say "another Keycloak is starting from $dist; waiting for it"
  flock 9
fi

if [[ ! -x "$dist/bin/kc.sh" ]]; then
  say "fetching Keycloak $version (168 MiB, once) into $dist"
  unpacked="$(mktemp -d "$cache/.keycloak-$version.XXXXXX")"
  # Run outside any POM: inside the project Maven would run the goal once per module.
  (cd "$unpacked" && mvn -q -B -Dstyle.color=never org.apache.maven.plugins:maven-dependency-plugin:3.8.1:unpack \
      -Dartifact="org.keycloak:keycloak-quarkus-dist:$version:tar.gz" -DoutputDirectory="$unpacked" >&2)
  mv "$unpacked/keycloak-$version" "$dist"
  rm -rf "$unpacked"
fi

realm_hash="$(cat "$here"/realm/*.json | sha256sum | cut -d' ' -f1)"
if $fresh || [[ "$(cat "$instance/realm.sha256" 2>/dev/null)" != "$realm_hash" ]]; then
  [[ -d "$instance/data" ]] && say "new database for $instance (--fresh, or the realm files changed)"
  rm -rf "$instance/data"
fi
mkdir -p "$instance/data/import"
# Keycloak reads its build (lib/quarkus) under the home directory: without these links every start rebuilds.
for shared in lib providers themes; do ln -sfn "$dist/$shared" "$instance/$shared"; done
rm -f "$instance/data/import/"*.json
cp "$here"/realm/*.json "$instance/data/import/"
echo "$realm_hash" > "$instance/realm.sha256"

say "starting on 127.0.0.1:$port (log $log)"
started=$SECONDS
: > "$log"
KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="${HYOKA_KC_ADMIN_PASSWORD:-admin}" \
JAVA_OPTS_KC_HEAP="-Xms64m -Xmx384m" \
  nohup "$dist/bin/kc.sh" "-Dkc.home.dir=$instance" start-dev --import-realm \
    --http-host=127.0.0.1 --http-port="$port" --http-management-port="$management_port" \
    </dev/null >>"$log" 2>&1 9>&- &
pid=$!
echo "$pid" > "$pidfile"

if [[ -n "${HYOKA_KC_WATCH_PID:-}" ]]; then
  watched="$HYOKA_KC_WATCH_PID"
  ( while kill -0 "$watched" 2>/dev/null && kill -0 "$pid" 2>/dev/null; do sleep 2; done
    kill -TERM "$pid" 2>/dev/null || true ) </dev/null >/dev/null 2>&1 9>&- &
fi

until curl -sf -o /dev/null "$discovery"; do
  if ! kill -0 "$pid" 2>/dev/null; then
    say "Keycloak exited during start; the end of $log:"
    tail -n 40 "$log" >&2
    rm -f "$pidfile"
    exit 1
  fi
  if (( SECONDS - started > wait_seconds )); then
    say "not ready after ${wait_seconds}s; stopping it (see $log)"
    kill -TERM "$pid" 2>/dev/null || true
    exit 1
  fi
  sleep 1
done
flock -u 9
if grep -q "Updating the configuration" "$log"; then
  say "built and ready in $((SECONDS - started)) s (the build runs again only if the start-dev flags change)"
else
  say "ready in $((SECONDS - started)) s"
fi
say "admin console http://127.0.0.1:$port/admin (master realm: admin); users and passwords: realm/hyoka-realm.json"
echo "$issuer"
