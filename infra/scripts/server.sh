#!/usr/bin/env bash
# Starts the built server (services/hyoka-server/target) as a deployment does: the JVM options of
# services/hyoka-server/jvm.options (or jvm-throughput.options: HYOKA_JVM below), the server's jar and target/lib on the class path, and an AppCDS archive of the
# classes a start loads (target/hyoka-server.jsa), so a start maps them instead of loading, parsing and verifying
# ~11,000 classes from ~120 jars (infra/docs/startup.md). infra/local/run.sh starts the server through it.
#
#   infra/scripts/server.sh [JVM options, e.g. -Dkey=value ...] [-- server arguments]
#   infra/scripts/server.sh --archive [JVM options]   only (re)make the archive, unless it is fresh, and exit (0: a
#                                                      fresh archive is there); what a deployment runs at build or
#                                                      image time
#
# The archive is made by a training start: the server started with the same options and
# -XX:ArchiveClassesAtExit, on a free port, until its first HTTP answer and one GraphQL request, then stopped
# (SIGTERM); the JVM writes the classes it loaded when it exits. A training start is a real start on the configured
# database (its migrations run), so it happens only when asked: `--archive`, or HYOKA_CDS_TRAIN=1 (infra/local/run.sh)
# before a start whose archive is not fresh. A start otherwise uses the archive when it is fresh and starts without
# one when it is not. Fresh: not older than the server's jar, a jar in target/lib or the options file, and made by
# the same java (its path and its VM library's size and date, written beside the archive in <archive>.java); a stale
# archive is never used.
#
#   HYOKA_JVM=throughput     the JVM options of a node that imports or serves heavy traffic:
#                            services/hyoka-server/jvm-throughput.options (C1 and C2) instead of jvm.options (a small
#                            node: C1 only); HYOKA_JVM=small (the default) is jvm.options (infra/docs/startup.md)
#   HYOKA_CDS=off            no archive (neither made nor used)
#   HYOKA_CDS_TRAIN=1        before a start, make the archive by a training start when it is not fresh
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
case "${HYOKA_JVM:-small}" in
  small) options_file="$server/jvm.options" ;;
  throughput) options_file="$server/jvm-throughput.options" ;;
  *) echo "server.sh: HYOKA_JVM is small (the default) or throughput, not '${HYOKA_JVM}'" >&2; exit 2 ;;
esac
options=("@$options_file")
archive="${HYOKA_CDS_ARCHIVE:-$server/target/hyoka-server.jsa}"
java_binary="$(readlink -f "$(command -v "$java")")"
# The java an archive was made by: an archive of another JDK (same file date or not) is not used. Told by its path
# and its VM library's size and date (an update replaces the library), not by `java -version`: that is a JVM start
# of its own, in front of every start (50 ms on a quiet machine, over a second on a busy one). A JDK laid out
# otherwise is told by `java -version`. The JVM checks the archive's own VM version as well and ignores a foreign one.
identity="$archive.java" java_identity=""
java_identity() {
  local vm="$(dirname "$(dirname "$java_binary")")/lib/server/libjvm.so"
  if [[ -f "$vm" ]]; then
    echo "$java_binary"
    stat -L -c '%n %s %Y' "$vm"
  else
    echo "$java_binary"
    "$java_binary" -version 2>&1
  fi
}
fresh() {
  [[ -n "$java_identity" ]] || java_identity="$(java_identity)"
  [[ -f "$archive" && -f "$identity" ]] && [[ "$(cat "$identity")" == "$java_identity" ]] \
    && [[ -z "$(find "$jar" "$server/target/lib" "$options_file" -newer "$archive" -print -quit)" ]]
}

# Stops a training JVM: SIGTERM (it writes its archive as it exits), SIGKILL after a grace period. Sets status to its
# exit code.
stop_training() {
  local pid="$1" grace=$((SECONDS + 180))
  kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null && ((SECONDS < grace)); do
    sleep 0.2
  done
  kill -KILL "$pid" 2>/dev/null || true
  status=0
  wait "$pid" 2>/dev/null || status=$?
}

# A training start: the server until its first HTTP answer and one GraphQL request, then SIGTERM; the JVM writes the
# archive as it exits (into a temporary file, moved into place only when the JVM exited of itself or of the SIGTERM).
train() {
  local log="$archive.training.log" partial="$archive.partial.$$" port="" pid deadline status=0
  mkdir -p "$(dirname "$archive")"
  rm -f "$partial"
  : > "$log"
  echo "server.sh: making the class-data archive $archive (a training start; log: $log)" >&2
  "$java" "${options[@]}" "${jvm[@]}" -XX:ArchiveClassesAtExit="$partial" -Dmicronaut.server.port=-1 \
    -cp "$classpath" jp.hyoka.server.HyokaServer > "$log" 2>&1 &
  pid=$!
  # A background JVM of a script ignores SIGINT: Ctrl-C (or a TERM/HUP of the script) stops it here, so that it does
  # not run on, holding the embedded PostgreSQL's data directory.
  trap 'stop_training "$pid"; rm -f "$partial"; exit 130' INT
  trap 'stop_training "$pid"; rm -f "$partial"; exit 143' TERM
  trap 'stop_training "$pid"; rm -f "$partial"; exit 129' HUP
  deadline=$((SECONDS + 300))
  while [[ -z "$port" ]]; do
    if ! kill -0 "$pid" 2>/dev/null || ((SECONDS > deadline)); then
      stop_training "$pid"
      trap - INT TERM HUP
      rm -f "$partial"
      echo "server.sh: the training start failed (exit $status, see $log)" >&2
      return 1
    fi
    port="$(sed -n 's|.*Server Running: http://[^:]*:\([0-9]*\).*|\1|p' "$log" | head -1)"
    [[ -n "$port" ]] || sleep 0.2
  done
  # Without curl the training ends at "Server Running" (the classes of the first requests are then not archived).
  # Any HTTP answer will do (a build without the web UI answers /graphiql with 404).
  if command -v curl > /dev/null; then
    until [[ "$(curl -s --max-time 10 -o /dev/null -w '%{http_code}' "http://localhost:$port/graphiql")" != 000 ]]; do
      if ! kill -0 "$pid" 2>/dev/null || ((SECONDS > deadline)); then
        break
      fi
      sleep 0.1
    done
    curl -s --max-time 30 -o /dev/null -H 'Content-Type: application/json' -d '{"query":"{ __typename }"}' \
      "http://localhost:$port/graphql" || true
  fi
  stop_training "$pid"
  trap - INT TERM HUP
  # 0 or 143 (SIGTERM): the JVM ran its exit and wrote the archive whole; anything else may have left half of one.
  if [[ "$status" != 0 && "$status" != 143 ]] || [[ ! -s "$partial" ]]; then
    rm -f "$partial"
    echo "server.sh: the training start wrote no usable archive (exit $status, see $log)" >&2
    return 1
  fi
  mv -f "$partial" "$archive"
  echo "$java_identity" > "$identity"
}

cds=()
if [[ "${HYOKA_CDS:-on}" != off ]]; then
  if ! fresh && { ((only_archive)) || [[ "${HYOKA_CDS_TRAIN:-0}" == 1 ]]; }; then
    train || echo "server.sh: no class-data archive made" >&2
  fi
  if fresh; then
    cds=(-XX:SharedArchiveFile="$archive")
  fi
fi
if ((only_archive)); then
  ((${#cds[@]} > 0))
  exit $?
fi
exec "$java" "${options[@]}" "${cds[@]}" "${jvm[@]}" -cp "$classpath" jp.hyoka.server.HyokaServer "$@"
