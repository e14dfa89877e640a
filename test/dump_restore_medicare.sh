#!/usr/bin/env bash
# Loaded Medicare fee schedule tables (extension configuration) survive
# pg_dump and restore, and price the same afterwards.  Run by test/run
# against its cluster (PGHOST etc. set); prints a TAP stream.
set -euo pipefail

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dump=$(mktemp /tmp/contracts_ext_medicare_dump.XXXXXX)
trap 'rm -f "$dump"' EXIT
q() { psql -X -q -t -A -v ON_ERROR_STOP=1 -d "$1" -c "$2"; }
check="SELECT md5(string_agg(coalesce(medicare_allowed(r.hcpcs, m.mods, r.year, g.locality, f.fac)::text, 'NULL'), ',' ORDER BY r.hcpcs, r.modifier, g.locality, m.mods, f.fac))
       FROM pfs_rvu r JOIN pfs_gpci g USING (year), (VALUES ('{}'::text[]), ('{26}'), ('{50}')) AS m(mods), (VALUES (false), (true)) AS f(fac)"

createdb medicare_src
q medicare_src "CREATE EXTENSION contracts_ext"
# the README's load commands on the samples of CMS's files (test/data/README.md)
(cd "$TOP" && psql -X -q -v ON_ERROR_STOP=1 -d medicare_src -f test/data/load_sample.sql)
rows_before=$(q medicare_src "SELECT (SELECT count(*) FROM pfs_rvu) || '/' || (SELECT count(*) FROM pfs_gpci)")
before=$(q medicare_src "$check")

echo "1..4"
pg_dump -Fc -f "$dump" medicare_src
createdb medicare_dst
if pg_restore -d medicare_dst --exit-on-error "$dump"; then
    echo "ok 1 - pg_restore of a database with loaded pfs_rvu and pfs_gpci"
else
    echo "not ok 1 - pg_restore of a database with loaded pfs_rvu and pfs_gpci"
fi
rows_after=$(q medicare_dst "SELECT (SELECT count(*) FROM pfs_rvu) || '/' || (SELECT count(*) FROM pfs_gpci)" || true)
after=$(q medicare_dst "$check" || true)
if [ "$rows_before" = "56/5" ] && [ "$rows_before" = "$rows_after" ] && [ "$before" = "$after" ]; then
    echo "ok 2 - pfs_rvu and pfs_gpci rows and medicare_allowed unchanged after dump and restore"
else
    echo "not ok 2 - after dump and restore: rows $rows_before vs $rows_after, prices $before vs $after"
fi
dropdb medicare_src
dropdb medicare_dst

# Trusted install by a non-superuser database owner: the owner may load the
# tables, any other user may read them and not change them.
q postgres "CREATE ROLE medicare_owner LOGIN; CREATE ROLE medicare_reader LOGIN"
createdb -O medicare_owner medicare_trusted
owner=$(psql -X -q -t -A -U medicare_owner -d medicare_trusted -c "CREATE EXTENSION contracts_ext" \
          -c "INSERT INTO pfs_gpci VALUES (2025, '0111254', '01112', 'BAKERSFIELD', 1.017, 1.093, 0.662)" \
          -c "INSERT INTO pfs_rvu (year, hcpcs, status, work_rvu, pe_nonfacility, pe_facility, mp_rvu, mult_proc, conversion_factor) VALUES (2025, '99213', 'A', 1.30, 1.35, 0.57, 0.10, '0', 32.3465)" \
          -c "SELECT medicare_allowed('99213', '{}', 2025, '0111254')" 2>&1 || true)
reader=$(psql -X -q -t -A -U medicare_reader -d medicare_trusted -c "SELECT medicare_allowed('99213', '{}', 2025, '0111254')" 2>&1 || true)
denied=$(psql -X -q -t -A -U medicare_reader -d medicare_trusted -c "DELETE FROM pfs_rvu" 2>&1 || true)
if [ "$owner" = "92.64" ] && [ "$reader" = "92.64" ] && [[ "$denied" == *"permission denied"* ]]; then
    echo "ok 3 - a non-superuser owner installs the extension and loads the tables; others read, not write"
else
    echo "not ok 3 - trusted install: owner '$owner', reader '$reader', reader's delete '$denied'"
fi
dropdb medicare_trusted
q postgres "DROP ROLE medicare_owner; DROP ROLE medicare_reader"

# A 1.0 install updated to 1.1: schedules stored by 1.0 read and price as
# before (binary format 1), and the Medicare tables and functions are there.
createdb medicare_upgrade
q medicare_upgrade "CREATE EXTENSION contracts_ext VERSION '1.0'"
q medicare_upgrade "CREATE TABLE s AS SELECT '27130: 1500.00; 99213: 92.50; 99213@facility: 70; mppr: 100 50 25'::rate_schedule AS s"
before=$(q medicare_upgrade "SELECT s::text || expected_allowed(s, '27130', '{50}', procedure_rank => 2) FROM s")
q medicare_upgrade "ALTER EXTENSION contracts_ext UPDATE TO '1.1'"
after=$(q medicare_upgrade "SELECT s::text || expected_allowed(s, '27130', '{50}', procedure_rank => 2) FROM s" || true)
format=$(q medicare_upgrade "SELECT get_byte(rate_schedule_send(s), 0) FROM s" || true)
q medicare_upgrade "INSERT INTO pfs_gpci VALUES (2025, '0111254', '01112', 'BAKERSFIELD', 1.017, 1.093, 0.662)" || true
q medicare_upgrade "INSERT INTO pfs_rvu (year, hcpcs, status, work_rvu, pe_nonfacility, pe_facility, mp_rvu, mult_proc, conversion_factor) VALUES (2025, '99213', 'A', 1.30, 1.35, 0.57, 0.10, '0', 32.3465)" || true
fee=$(q medicare_upgrade "SELECT medicare_allowed('99213', '{}', 2025, '0111254')" || true)
if [ "$before" = "$after" ] && [ "$format" = 1 ] && [ "$fee" = "92.64" ]; then
    echo "ok 4 - a 1.0 install updated to 1.1 keeps its schedules and gains the Medicare tables"
else
    echo "not ok 4 - update from 1.0: '$before' vs '$after', format $format, medicare_allowed $fee"
fi
dropdb medicare_upgrade
