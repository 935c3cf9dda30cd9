#!/usr/bin/env bash
# Shared by backup.sh and restore.sh: runs jp.hyoka.server.backup.BackupTool on the built server's classpath
# against HYOKA_JDBC_URL, or else the embedded default's HYOKA_DATA_DIR.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
server="$root/services/hyoka-server"
[[ -d "$server/target/lib" ]] || { echo "build the server first: mvn -B -q -DskipTests install" >&2; exit 2; }
if [[ -n "${HYOKA_JDBC_URL:-}" ]]; then
  target=(--jdbc-url "$HYOKA_JDBC_URL")
else
  target=(--data-dir "${HYOKA_DATA_DIR:-$root/.hyoka-data/postgres}")
fi
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xmx256m -cp "$server/target/classes:$server/target/lib/*" \
  jp.hyoka.server.backup.BackupTool "$1" "${target[@]}" "$2"
