#!/usr/bin/env bash
# The demo's remittances as a practice receives them: 835 files in a folder,
# loaded with contracts_ext_load_835 by a role without superuser rights, then
# parsed (views.sql) so that the analyses read their payments from the 835s.
# Run by test/demo/run after the data files: bash load.sh DATABASE
set -euo pipefail

db=${1:?usage: load.sh DATABASE}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
q() { PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 -d "$db" "$@"; }

q -f "$here/generate.sql"
era=$(mktemp -d /tmp/contracts_ext_era.XXXXXX)
trap 'rm -rf "$era"' EXIT
chmod 755 "$era"
# one file per row of demo.era_files, byte for byte: psql writes each with
# \g and a final line break, which truncate takes off again
q -At -c "SELECT format('SELECT content FROM demo.era_files WHERE file_name = %L \\g %s',
                        file_name, '$era/' || file_name) FROM demo.era_files ORDER BY file_name" |
    q -At >/dev/null
for f in "$era"/*.835; do truncate -s -1 "$f"; done
echo "$(ls "$era" | wc -l) 835 files, $(du -sm "$era" | cut -f1) MB, in $era"

q -c "DO \$\$ BEGIN CREATE ROLE demo_billing LOGIN NOSUPERUSER; EXCEPTION WHEN duplicate_object THEN NULL; END \$\$" \
  -c "GRANT USAGE, CREATE ON SCHEMA demo TO demo_billing"
load() { PGUSER=demo_billing contracts_ext_load_835 -d "$db" -t demo.remittance_file "$era"; }
load | tail -1
load | tail -1      # again: nothing new
q -f "$here/views.sql"
