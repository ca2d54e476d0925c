#!/usr/bin/env bash
# Backup of an external PostgreSQL holding Carelog, with pg_dump's custom format (-Fc): the whole
# database in one consistent snapshot, schema and data. Needs client tools of the server's major
# version or newer (pg_dump refuses newer servers). See docs/operations.md.
#
#   scripts/pg-backup.sh FILE
#
# Connection: the usual libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD (or ~/.pgpass);
# PGDATABASE defaults to carelog.
set -euo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: $0 FILE" >&2
  exit 2
fi
file="$1"
export PGDATABASE="${PGDATABASE:-carelog}"

if [[ -e "$file" ]]; then
  echo "pg-backup: $file already exists; choose a new file name" >&2
  exit 1
fi

server_major=$(psql -X -At -c "select current_setting('server_version_num')::int / 10000")
client_major=$(pg_dump --version | sed -E 's/[^0-9]*([0-9]+).*/\1/')
if (( client_major < server_major )); then
  echo "pg-backup: pg_dump $client_major cannot dump a PostgreSQL $server_major server; install the client tools of version $server_major" >&2
  exit 1
fi

pg_dump -Fc --no-owner --file="$file.partial" "$PGDATABASE"
mv "$file.partial" "$file"
echo "pg-backup: $PGDATABASE written to $file ($(du -h "$file" | cut -f1))"
