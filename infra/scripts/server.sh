#!/usr/bin/env bash
# Starts the built server (services/hyoka-server/target) as a deployment does: the JVM options of
# services/hyoka-server/jvm.options, the server's jar and target/lib on the class path, and an AppCDS archive of the
# classes a start loads (target/hyoka-server.jsa), so a start maps them instead of loading, parsing and verifying
# ~11,000 classes from ~120 jars (infra/docs/startup.md). infra/local/run.sh starts the server through it.
#
#   infra/scripts/server.sh [JVM options, e.g. -Dkey=value ...] [-- server arguments]
#   infra/scripts/server.sh --archive [JVM options]   only (re)make the archive, if it is missing or older than the
#                                                      jars, and exit
#
# The archive is made by a training start: the server started with the same options and
# -XX:ArchiveClassesAtExit, on a free port, until its first 200 of /graphiql and one GraphQL request, then stopped
# (SIGTERM); the JVM writes the classes it loaded when it exits. A training start is a real start on the configured
# database (its migrations run). It happens before a start whenever the archive is missing or older than the server's
# jar, a jar in target/lib, jvm.options or the java binary; a stale or unusable archive is never used.
#
#   HYOKA_CDS=off            no archive (neither made nor used)
#   HYOKA_CDS_TRAIN=0        use the archive when it is fresh, never train (a start without one when it is not)
#   HYOKA_CDS_ARCHIVE=path   where the archive is (default services/hyoka-server/target/hyoka-server.jsa)
#   JAVA=path                the java binary (default java on PATH)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
server="$root/services/hyoka-server"
java="${JAVA:-java}"
only_archive=0
if [[ "${1:-}" == --archive ]]; then
  only_archive=1
  shift
fi
jvm=()
while [[ $# -gt 0 && "$1" != -- ]]; do
  jvm+=("$1")
  shift
done
[[ "${1:-}" == -- ]] && shift
jars=("$server"/target/hyoka-server-*.jar)
jar=""
for candidate in "${jars[@]}"; do
  [[ "$candidate" == *-sources.jar || "$candidate" == *-tests.jar || ! -f "$candidate" ]] || jar="$candidate"
done
if [[ -z "$jar" || ! -d "$server/target/lib" ]]; then
  echo "server.sh: no built server in $server/target (build it: mvn -B -DskipTests package)" >&2
  exit 1
fi
classpath="$jar:$server/target/lib/*"
options=("@$server/jvm.options")
archive="${HYOKA_CDS_ARCHIVE:-$server/target/hyoka-server.jsa}"
java_binary="$(readlink -f "$(command -v "$java")")"

fresh() {
  [[ -f "$archive" ]] && [[ -z "$(find "$jar" "$server/target/lib" "$server/jvm.options" \
    "$java_binary" -newer "$archive" -print -quit)" ]]
}

# A training start: the server until its first 200 and one GraphQL request, then SIGTERM; the JVM writes the archive
# as it exits (into a temporary file, moved into place only when complete).
train() {
  local log="$archive.training.log" partial="$archive.partial.$$" port="" pid status deadline
  mkdir -p "$(dirname "$archive")"
  rm -f "$partial"
  echo "server.sh: making the class-data archive $archive (a training start; log: $log)" >&2
  "$java" "${options[@]}" "${jvm[@]}" -XX:ArchiveClassesAtExit="$partial" -Dmicronaut.server.port=-1 \
    -cp "$classpath" jp.hyoka.server.HyokaServer > "$log" 2>&1 &
  pid=$!
  deadline=$((SECONDS + 300))
  while [[ -z "$port" ]]; do
    if ! kill -0 "$pid" 2>/dev/null || ((SECONDS > deadline)); then
      kill -KILL "$pid" 2>/dev/null || true
      echo "server.sh: the training start failed (see $log); starting without an archive" >&2
      return 1
    fi
    port="$(sed -n 's|.*Server Running: http://[^:]*:\([0-9]*\).*|\1|p' "$log" | head -1)"
    [[ -n "$port" ]] || sleep 0.2
  done
  # Without curl the training ends at "Server Running" (the classes of the first requests are then not archived).
  if command -v curl > /dev/null; then
    until [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/graphiql")" == 200 ]]; do
      if ! kill -0 "$pid" 2>/dev/null || ((SECONDS > deadline)); then
        break
      fi
      sleep 0.1
    done
    curl -s -o /dev/null -H 'Content-Type: application/json' -d '{"query":"{ __typename }"}' \
      "http://localhost:$port/graphql" || true
  fi
  kill -TERM "$pid" 2>/dev/null || true
  status=0
  wait "$pid" || status=$?
  if [[ ! -s "$partial" ]]; then
    echo "server.sh: the training start wrote no archive (exit $status, see $log); starting without one" >&2
    return 1
  fi
  mv -f "$partial" "$archive"
}

cds=()
if [[ "${HYOKA_CDS:-on}" != off ]]; then
  if ! fresh && [[ "${HYOKA_CDS_TRAIN:-1}" != 0 ]]; then
    train || true
  fi
  if fresh; then
    cds=(-XX:SharedArchiveFile="$archive")
  fi
fi
if ((only_archive)); then
  fresh
  exit $?
fi
exec "$java" "${options[@]}" "${cds[@]}" "${jvm[@]}" -cp "$classpath" jp.hyoka.server.HyokaServer "$@"
