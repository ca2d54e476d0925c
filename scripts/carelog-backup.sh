#!/usr/bin/env bash
# Backup, restore and verification of Carelog's database with Carelog's own Java tool (no pg_dump
# needed). Runs org.carelog.infra.operations.BackupTool from the application jar; Carelog itself is
# not started. See docs/operations.md.
#
#   scripts/carelog-backup.sh backup  FILE [--url URL] [--user USER] [--password PASS] [--data-dir DIR]
#   scripts/carelog-backup.sh restore FILE [...]
#   scripts/carelog-backup.sh verify  FILE [...] [--counts-only]
#   scripts/carelog-backup.sh verify-audit [...] [--anchor FILE] [--signing-key-file F] [--trusted-keys IDS]
#                                                   (hash chains and signed checkpoints over events and staff audit)
#   scripts/carelog-backup.sh anchor FILE [...]     (newest signed checkpoints, to keep off-site)
#   scripts/carelog-backup.sh rotate-audit-key [--signing-key-file F]
#
# Connection defaults: CARELOG_DB_URL, CARELOG_DB_USER, CARELOG_DB_PASSWORD, else the embedded
# server of a running Carelog (jdbc:postgresql://localhost:54329/carelog, user postgres).
# CARELOG_JAR overrides the jar (default: infra/target/infra-0.1.0-SNAPSHOT.jar of this checkout).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${CARELOG_JAR:-$root/infra/target/infra-0.1.0-SNAPSHOT.jar}"

if [[ ! -f "$jar" ]]; then
  echo "carelog-backup: $jar not found; build it with: ./mvnw -q -B -pl infra -am package -DskipTests" >&2
  exit 2
fi

exec java ${JAVA_OPTS:-} -cp "$jar" \
  -Dloader.main=org.carelog.infra.operations.BackupTool \
  org.springframework.boot.loader.launch.PropertiesLauncher "$@"
