#!/usr/bin/env bash
# Takes a consistent backup of what Hyoka cannot recompute (events, snapshots, audit hash chain, municipalities,
# integration outbox) into one ZIP file, while the server runs (infra/backup/README.md).
#
#   infra/backup/backup.sh FILE.zip     the embedded default: HYOKA_DATA_DIR (default .hyoka-data/postgres)
#   HYOKA_JDBC_URL=jdbc:postgresql://host/db infra/backup/backup.sh FILE.zip
#                                       an external PostgreSQL (HYOKA_JDBC_USER, HYOKA_JDBC_PASSWORD)
# Needs the server built (target/classes, target/lib) and a JDK 17. Exit status: 0 done, 1 failed, 2 usage.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
[[ $# -eq 1 ]] || { sed -n '2,9p' "$0" >&2; exit 2; }
exec "$here/tool.sh" backup "$1"
