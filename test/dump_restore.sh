#!/usr/bin/env bash
# A table of every extension type survives pg_dump and restore unchanged.
# Run by test/run against its cluster (PGHOST etc. set); prints a TAP stream.
set -euo pipefail

dump=$(mktemp /tmp/contracts_ext_dump.XXXXXX)
trap 'rm -f "$dump"' EXIT
q() { psql -X -q -t -A -v ON_ERROR_STOP=1 -d "$1" -c "$2"; }

createdb dump_src
q dump_src "CREATE EXTENSION contracts_ext"
q dump_src "CREATE TABLE terms (id int PRIMARY KEY, c contract, s rate_schedule)"
q dump_src "INSERT INTO terms VALUES
    (1, 'payer: ''Smith; Jones: O''''Brien''; effective: 2025-01-01; term: 3 years; renewal: 1 year; notice: 90 days; appeal: 120 days, 60 days; prompt_pay: 15 business days; interest: 4.625%; interest_min: 2.00',
        '99213: 92.50; 99213@facility: 70; 99214-25: 120; 59400: 3200/case; 27447: 140% medicare; 97110: 65% billed; default: 125% medicare; mppr: 100 50 25; modifier 80: 20%; lesser_of: none'),
    (2, '', ''),
    (3, NULL, NULL),
    (4, 'filing: 90 days', (SELECT string_agg((10000 + i)::text || ': ' || (i * 0.37)::text, '; ') FROM generate_series(1, 20000) AS i)::rate_schedule)"
# a practice's edits to the reference codes
q dump_src "INSERT INTO carc_local VALUES ('29', 'Filed late: appeal with clearinghouse proof', 'timely_filing', true, true, true),
                                          ('Z9', 'Local code: out-of-network repricing', 'network', true, false, true)"
before=$(q dump_src "SELECT md5(string_agg(id || ':' || coalesce(c::text, 'NULL') || '|' || coalesce(s::text, 'NULL'), E'\n' ORDER BY id)) FROM terms")

echo "1..3"
pg_dump -Fc -f "$dump" dump_src
createdb dump_dst
if pg_restore -d dump_dst --exit-on-error "$dump"; then
    echo "ok 1 - pg_restore of a database using contract and rate_schedule"
else
    echo "not ok 1 - pg_restore of a database using contract and rate_schedule"
fi
after=$(q dump_dst "SELECT md5(string_agg(id || ':' || coalesce(c::text, 'NULL') || '|' || coalesce(s::text, 'NULL'), E'\n' ORDER BY id)) FROM terms" || true)
equal=$(q dump_dst "SELECT count(*) FROM terms" 2>/dev/null || echo 0)
if [ "$before" = "$after" ] && [ "$equal" = 4 ]; then
    echo "ok 2 - every value is unchanged after dump and restore"
else
    echo "not ok 2 - values changed after dump and restore ($before vs $after)"
fi
edits=$(q dump_dst "SELECT string_agg(code || '=' || carc_category(code) || ':' || description, ', ' ORDER BY code) FROM carc WHERE code IN ('29', 'Z9')" || true)
shipped=$(q dump_dst "SELECT count(*) FROM carc" || true)
if [ "$edits" = "29=timely_filing:Filed late: appeal with clearinghouse proof, Z9=network:Local code: out-of-network repricing" ] && [ "$shipped" = 408 ]; then
    echo "ok 3 - edited and added reason codes (carc_local) survive dump and restore"
else
    echo "not ok 3 - reason code edits after restore: $edits ($shipped rows)"
fi
dropdb dump_src
dropdb dump_dst
