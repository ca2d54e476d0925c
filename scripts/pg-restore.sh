#!/usr/bin/env bash
# Restores a pg_dump custom-format backup (scripts/pg-backup.sh) into a NEW database, in one
# transaction, then compares every table's row count with the rows in the dump itself.
# See docs/operations.md.
#
#   scripts/pg-restore.sh FILE NEW_DATABASE
#
# Connection: PGHOST, PGPORT, PGUSER, PGPASSWORD as for psql. The database must not exist yet.
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 FILE NEW_DATABASE" >&2
  exit 2
fi
file="$1"
database="$2"

if [[ ! -f "$file" ]]; then
  echo "pg-restore: $file not found" >&2
  exit 1
fi
pg_restore --list "$file" > /dev/null

exists=$(psql -X -At -d postgres -v name="$database" <<< "select 1 from pg_database where datname = :'name'")
if [[ -n "$exists" ]]; then
  echo "pg-restore: database $database already exists; restore only into a new database" >&2
  exit 1
fi

createdb --template=template0 --encoding=UTF8 "$database"
pg_restore --exit-on-error --single-transaction --no-owner --dbname="$database" "$file"

# Rows per table in the dump: the lines between "COPY table (...) FROM stdin;" and "\.".
expected=$(mktemp)
actual=$(mktemp)
trap 'rm -f "$expected" "$actual"' EXIT
pg_restore --data-only --file=- "$file" | awk '
  /^COPY / { table = $2; rows = 0; copying = 1; next }
  copying && $0 == "\\." { print table "\t" rows; copying = 0; next }
  copying { rows++ }
' | sort > "$expected"

psql -X -At -F $'\t' -d "$database" > "$actual" <<'SQL'
select format('%I.%I', n.nspname, c.relname),
       (xpath('/row/c/text()',
              query_to_xml(format('select count(*) as c from %I.%I', n.nspname, c.relname), false, true, '')))[1]::text
from pg_class c join pg_namespace n on n.oid = c.relnamespace
where c.relkind = 'r' and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'
order by 1;
SQL
sort -o "$actual" "$actual"

status=0
while IFS=$'\t' read -r table rows; do
  live=$(awk -F '\t' -v t="$table" '$1 == t { print $2 }' "$actual")
  if [[ "$live" == "$rows" ]]; then
    printf '  %-40s %12s rows  ok\n' "$table" "$rows"
  else
    printf '  %-40s dump %s rows, restored %s  DIFFERS\n' "$table" "$rows" "${live:-missing}"
    status=1
  fi
done < "$expected"

if (( status == 0 )); then
  echo "pg-restore: $file restored into $database; row counts match the dump"
else
  echo "pg-restore: row counts DIFFER (see above)" >&2
fi
exit $status
