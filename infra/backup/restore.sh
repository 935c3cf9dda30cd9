#!/usr/bin/env bash
# Restores a backup taken by backup.sh into an empty database, then says how to bring the server up on it
# (infra/backup/README.md): the server rebuilds the read models from the events at its first start.
#
#   HYOKA_DATA_DIR=.hyoka-data/restored infra/backup/restore.sh FILE.zip
#                                       a new embedded data directory (it must not hold a cluster yet)
#   HYOKA_JDBC_URL=jdbc:postgresql://host/db infra/backup/restore.sh FILE.zip
#                                       an empty external database (HYOKA_JDBC_USER, HYOKA_JDBC_PASSWORD)
# Needs the server built (target/classes, target/lib) and a JDK 17. Exit status: 0 done, 1 failed, 2 usage.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
[[ $# -eq 1 ]] || { sed -n '2,9p' "$0" >&2; exit 2; }
"$here/tool.sh" restore "$1"
cat <<'NEXT'
Next: start the server on the restored database (same HYOKA_DATA_DIR or HYOKA_JDBC_URL). Its read models are empty
and are rebuilt from the events at start (the assessments appear as the replay catches up); then have each
municipality's auditor run verifyEventChain, or check an exportAuditBundle with infra/scripts/verify-bundle.sh.
NEXT
