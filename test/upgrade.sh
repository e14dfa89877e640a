#!/usr/bin/env bash
# The upgrade path: install 1.0 from its released script, store every type
# (text and binary input), ALTER EXTENSION contracts_ext UPDATE, and check
# that the data still reads and compares equal and that the updated
# extension's objects and reference rows are exactly a fresh 1.1 install's.
# Run by test/run against its cluster (PGHOST etc. set); prints a TAP stream.
set -euo pipefail

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d /tmp/contracts_ext_upgrade.XXXXXX)
chmod 755 "$work"
trap 'rm -rf "$work"; dropdb --if-exists upgrade_old >/dev/null 2>&1; dropdb --if-exists upgrade_new >/dev/null 2>&1' EXIT
q() { psql -X -q -t -A -v ON_ERROR_STOP=1 -d "$1" -c "$2"; }
n=0
check() {   # check DESCRIPTION COMMAND...: ok if the command succeeds
    local what=$1
    shift
    n=$((n + 1))
    if "$@"; then echo "ok $n - $what"; else echo "not ok $n - $what"; fi
}

echo "1..7"
createdb upgrade_old
createdb upgrade_new
check "CREATE EXTENSION contracts_ext VERSION '1.0'" \
    q upgrade_old "CREATE EXTENSION contracts_ext VERSION '1.0'"

# Every type, entered as text ...
q upgrade_old "CREATE TABLE every_type (id int PRIMARY KEY, c contract, s rate_schedule, cap capitation,
                                        ps pmpm_state, vs variance_state, pv payment_variance_result)"
q upgrade_old "INSERT INTO every_type VALUES
    (1, 'payer: ''Smith; Jones: O''''Brien''; effective: 2025-01-01; term: 3 years; renewal: 1 year; notice: 90 days; filing: 90 days; appeal: 120 days, 60 days; notice_receipt: 5 days; prompt_pay: 15 business days; prompt_pay_paper: 45 days; interest: 4.625%; interest_basis: 360; interest_min: 2.00; lookback: 18 months',
        '99213: 92.50; 99213@facility: 70; 99214-25: 120; 59400: 3200/case; 27447: 140% medicare; 97110: 65% billed; J3301: 0.123456; default: 125% medicare; mppr: 100 50 25; modifier 80: 20%; modifier AS: 10.5%; lesser_of: billed',
        'pmpm: 45; withhold: 10%; benchmark: 500; share: 50%; loss_share: 40%; msr: 2%; first_dollar: false; corridor: 3% 50%, 8% 80%; stop_loss: 10000; stop_loss_rate: 80%',
        'rows: 3; revenue: 12528.65; cost: -11400.50; member_months: 299',
        'lines: 4; unpriced_lines: 1; expected: 300.25; actual: 250; underpaid_lines: 2; underpaid: 60.25; overpaid_lines: 1; overpaid: 10',
        (10, 1, 300.25, 250, 2, 60.25, 1, 10, 83.26)),
    (2, '', '', '', 'rows: 0; revenue: 0; cost: 0; member_months: 0',
        'lines: 0; unpriced_lines: 0; expected: 0; actual: 0; underpaid_lines: 0; underpaid: 0; overpaid_lines: 0; overpaid: 0', NULL),
    (3, NULL, NULL, NULL, NULL, NULL, NULL),
    (4, 'filing: 90 days', (SELECT string_agg((10000 + i)::text || ': ' || (i * 0.37)::text, '; ') FROM generate_series(1, 20000) AS i)::rate_schedule,
        'pmpm: 12.34', NULL, NULL, NULL)"
# ... and again through binary COPY (receive functions), as rows 101..104.
q upgrade_old "\\copy (SELECT id + 100, c, s, cap, ps, vs, pv FROM every_type) TO '$work/every_type.copy' (FORMAT binary)"
q upgrade_old "\\copy every_type FROM '$work/every_type.copy' (FORMAT binary)"
snapshot="SELECT string_agg(concat_ws('|', id, c, s, cap, ps, vs, pv), E'\n' ORDER BY id) FROM every_type"
before=$(q upgrade_old "$snapshot")

check "ALTER EXTENSION contracts_ext UPDATE (1.0 to 1.1)" \
    q upgrade_old "ALTER EXTENSION contracts_ext UPDATE"
check "the updated extension is version 1.1" \
    test "$(q upgrade_old "SELECT extversion FROM pg_extension WHERE extname = 'contracts_ext'")" = 1.1

after=$(q upgrade_old "$snapshot")
check "every stored value reads back unchanged after the update" test "$before" = "$after"
same=$(q upgrade_old "SELECT bool_and(c IS NOT DISTINCT FROM c::text::contract
                              AND s IS NOT DISTINCT FROM s::text::rate_schedule
                              AND cap IS NOT DISTINCT FROM cap::text::capitation)
                         AND (SELECT bool_and(a.c IS NOT DISTINCT FROM b.c AND a.s IS NOT DISTINCT FROM b.s
                                              AND a.cap IS NOT DISTINCT FROM b.cap)
                              FROM every_type a JOIN every_type b ON b.id = a.id + 100)
                       FROM every_type")
check "stored values equal the same values parsed now, text and binary alike" test "$same" = t

# The objects of both installs, with their definitions and comments.
q upgrade_new "CREATE EXTENSION contracts_ext"
psql -X -q -t -A -v ON_ERROR_STOP=1 -d upgrade_old -f "$TOP/test/sql/extension_objects.sql" >"$work/updated.txt"
psql -X -q -t -A -v ON_ERROR_STOP=1 -d upgrade_new -f "$TOP/test/sql/extension_objects.sql" >"$work/fresh.txt"
if diff -u "$work/fresh.txt" "$work/updated.txt" >"$work/objects.diff"; then
    echo "ok 6 - updated 1.0 and fresh 1.1 have the same $(grep -c '^    comment:' "$work/fresh.txt") objects and definitions"
else
    echo "not ok 6 - updated 1.0 and fresh 1.1 differ (- fresh, + updated):"
    sed 's/^/# /' "$work/objects.diff" | head -100
fi
n=6

# Reference rows shipped in the extension's tables.
tables=$(q upgrade_new "SELECT string_agg(c.relname, ' ' ORDER BY c.relname) FROM pg_depend d JOIN pg_class c ON c.oid = d.objid
                        WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e' AND c.relkind = 'r'")
ref_old= ref_new=
for t in $tables; do
    ref_old+="$t $(q upgrade_old "SELECT md5(coalesce(string_agg(x::text, E'\n' ORDER BY x::text), '')) FROM $t x") "
    ref_new+="$t $(q upgrade_new "SELECT md5(coalesce(string_agg(x::text, E'\n' ORDER BY x::text), '')) FROM $t x") "
done
check "the extension's reference tables ($tables) hold the same rows" test "$ref_old" = "$ref_new"
