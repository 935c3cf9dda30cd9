#!/usr/bin/env bash
# Starts a real single-node Kafka broker (KRaft, broker and controller in one JVM) without Docker, in the background,
# waits until it accepts connections and prints its bootstrap address on stdout (progress goes to stderr). Running
# already: prints the address again and starts nothing. The tests restart their broker through this script too
# (ScriptKafka, the outage test).
#
#   infra/kafka/start.sh            start (or find running) the broker; print host:port
#   infra/kafka/start.sh --fresh    forget the instance's topics and offsets first
#   infra/kafka/stop.sh             stop it (its data stays: the next start continues where it stopped)
#
#   HYOKA_KAFKA_PORT=19092             client port (bound to 127.0.0.1)
#   HYOKA_KAFKA_CONTROLLER_PORT=19093  KRaft controller port
#   HYOKA_KAFKA_INSTANCE=.hyoka-data/kafka   this broker's data, config, log and pid
#   HYOKA_CACHE=~/.cache/hyoka         the broker's jars, shared by all instances and clones
#   HYOKA_KAFKA_WAIT=120               seconds to wait for the port
#   HYOKA_KAFKA_WATCH_PID=             stop the broker when this process ends (a test JVM)
#
# Why it looks like this (../shared/STACK.md §2): org.apache.kafka:kafka_2.13 and its dependencies are copied from
# Maven Central once (the only source these machines reach) into the cache, outside the clone; the log directory is
# formatted once with a cluster id of its own; every replication factor is 1 (one broker).
set -euo pipefail

version=4.2.2
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
port="${HYOKA_KAFKA_PORT:-19092}"
controller_port="${HYOKA_KAFKA_CONTROLLER_PORT:-19093}"
instance="${HYOKA_KAFKA_INSTANCE:-$root/.hyoka-data/kafka}"
cache="${HYOKA_CACHE:-$HOME/.cache/hyoka}"
lib="$cache/kafka-$version/lib"
wait_seconds="${HYOKA_KAFKA_WAIT:-120}"
fresh=false
for arg in "$@"; do
  case "$arg" in
    --fresh) fresh=true ;;
    -h|--help) sed -n '2,18p' "$0" >&2; exit 0 ;;
    *) echo "unknown option $arg" >&2; exit 2 ;;
  esac
done

say() { echo "kafka: $*" >&2; }
open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
bootstrap="127.0.0.1:$port"
mkdir -p "$cache" "$instance"
instance="$(cd "$instance" && pwd)"
pidfile="$instance/kafka.pid"
log="$instance/kafka.log"

if [[ -f "$pidfile" ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
  if open "$port"; then
    say "already running (pid $(cat "$pidfile")); infra/kafka/stop.sh stops it"
    echo "$bootstrap"
    exit 0
  fi
  say "pid $(cat "$pidfile") runs for $instance but port $port does not answer; see $log or run stop.sh"
  exit 1
fi
for p in "$port" "$controller_port"; do
  if open "$p"; then
    say "port $p is taken by another process; set HYOKA_KAFKA_PORT / HYOKA_KAFKA_CONTROLLER_PORT"
    exit 1
  fi
done

exec 9>"$cache/kafka-$version.lock"
flock 9
if [[ ! -f "$lib/.complete" ]]; then
  say "fetching Kafka $version (about 45 MB, once) into $lib"
  work="$(mktemp -d "$cache/.kafka-$version.XXXXXX")"
  # slf4j 2 and its simple binding: kafka_2.13 brings slf4j-api 1.7 and no binding, which logs nothing.
  cat > "$work/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>jp.hyoka.local</groupId><artifactId>kafka-broker</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka_2.13</artifactId><version>$version</version></dependency>
    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-api</artifactId><version>2.0.17</version></dependency>
    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-simple</artifactId><version>2.0.17</version></dependency>
  </dependencies>
</project>
POM
  (cd "$work" && mvn -q -B -Dstyle.color=never org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
      -DincludeScope=runtime -DoutputDirectory="$work/lib" >&2)
  rm -rf "$lib"
  mkdir -p "$(dirname "$lib")"
  mv "$work/lib" "$lib"
  touch "$lib/.complete"
  rm -rf "$work"
fi
flock -u 9

if $fresh; then
  [[ -d "$instance/data" ]] && say "forgetting $instance/data (--fresh)"
  rm -rf "$instance/data"
fi
cat > "$instance/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller_port
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$instance/data
num.partitions=3
auto.create.topics.enable=true
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPS

java_cmd=(java -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.showDateTime=true
  -cp "$lib/*")
if [[ ! -f "$instance/data/meta.properties" ]]; then
  # A cluster id is 16 random bytes, base64url without padding (what StorageTool random-uuid prints). Like Kafka's own
  # Uuid.randomUuid, draw again when it starts with "-": the storage tool would read it as an option (1 start in 64).
  cluster_id=-
  while [[ "$cluster_id" == -* ]]; do
    cluster_id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
  done
  say "formatting $instance/data (cluster $cluster_id)"
  "${java_cmd[@]}" kafka.tools.StorageTool format -t "$cluster_id" -c "$instance/server.properties" >&2
fi

say "starting on $bootstrap (log $log)"
started=$SECONDS
: > "$log"
nohup "${java_cmd[@]}" kafka.Kafka "$instance/server.properties" </dev/null >>"$log" 2>&1 9>&- &
pid=$!
echo "$pid" > "$pidfile"

if [[ -n "${HYOKA_KAFKA_WATCH_PID:-}" ]]; then
  watched="$HYOKA_KAFKA_WATCH_PID"
  ( while kill -0 "$watched" 2>/dev/null && kill -0 "$pid" 2>/dev/null; do sleep 2; done
    kill -TERM "$pid" 2>/dev/null || true ) </dev/null >/dev/null 2>&1 9>&- &
fi

until open "$port"; do
  if ! kill -0 "$pid" 2>/dev/null; then
    say "the broker exited during start; the end of $log:"
    tail -n 40 "$log" >&2
    rm -f "$pidfile"
    exit 1
  fi
  if (( SECONDS - started > wait_seconds )); then
    say "not ready after ${wait_seconds}s; stopping it (see $log)"
    kill -TERM "$pid" 2>/dev/null || true
    exit 1
  fi
  sleep 0.2
done
say "ready in $((SECONDS - started)) s"
echo "$bootstrap"
