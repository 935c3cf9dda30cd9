#!/usr/bin/env bash
# Checks an auditor bundle (the file at GraphQL exportAuditBundle's downloadUrl) without the server.
# Needs only a JDK 17+.
#
#   infra/scripts/verify-bundle.sh [--anchor HASH]... bundle.jsonl
#
# Prints "OK <municipality>: <n> events verified, head <hash>" and exits 0, or "BROKEN …" naming the first link
# that does not match and exits 1; 2 for an unusable file. --anchor: a head hash noted at an earlier audit, which
# the bundle must still contain.
set -euo pipefail
exec java "$(dirname "$0")/VerifyBundle.java" "$@"
