#!/usr/bin/env bash
# contracts_ext as a trusted extension: a database owner without superuser
# rights installs it, runs every regression file with the same output as a
# superuser, keeps the practice's reason codes in carc_local, and cannot
# change the shipped reference rows; another user reads but cannot write.
# Run by test/run against its cluster (PGHOST etc. set); prints a TAP stream.
set -uo pipefail

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=$(mktemp -d /tmp/contracts_ext_owner.XXXXXX)
trap 'rm -rf "$OUT"; dropdb --if-exists owned_db >/dev/null 2>&1; psql -X -q -d postgres -c "DROP ROLE IF EXISTS ce_owner" -c "DROP ROLE IF EXISTS ce_clerk" >/dev/null 2>&1' EXIT
# pg_regress's client settings, so the outputs compare with expected/
export PGDATESTYLE='Postgres, MDY' PGTZ=PST8PDT
as() { local role=$1 db=$2; shift 2; psql -X -q -t -A -v ON_ERROR_STOP=1 -U "$role" -d "$db" "$@"; }

psql -X -q -d postgres -c "CREATE ROLE ce_owner LOGIN CREATEDB" -c "CREATE ROLE ce_clerk LOGIN"
mapfile -t tests < <(ls "$TOP"/expected/*.out | sed -E 's#.*/##; s#\.out$##' | grep -vE '_[0-9]+$')
echo "1..$((${#tests[@]} + 6))"
n=0
ok() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi; }

# Every regression file, each in a fresh database the owner creates and
# installs the extension into, gives the expected output.
for t in "${tests[@]}"; do
    createdb -U ce_owner "owner_$t"
    as ce_owner "owner_$t" -c "CREATE EXTENSION contracts_ext"
    (cd "$TOP" && psql -X -a -q -U ce_owner -d "owner_$t" <"sql/$t.sql" >"$OUT/$t.out" 2>&1)
    alt_ok=1
    for e in "$TOP/expected/$t.out" "$TOP"/expected/"$t"_[0-9].out; do
        [ -f "$e" ] && diff -q "$e" "$OUT/$t.out" >/dev/null && alt_ok=0
    done
    ok $alt_ok "regression file $t as a non-superuser database owner"
    [ $alt_ok = 0 ] || diff -u "$TOP/expected/$t.out" "$OUT/$t.out" | head -40 | sed 's/^/# /'
    dropdb "owner_$t"
done

createdb -U ce_owner owned_db
as ce_owner owned_db -c "CREATE EXTENSION contracts_ext"
owner=$(as ce_owner owned_db -c "SELECT extowner::regrole FROM pg_extension WHERE extname = 'contracts_ext'")
lookups=$(as ce_owner owned_db -c "SELECT carc_category('CO-29') || ' ' || is_denial('PR', '204') || ' ' || count(*) FROM carc")
[ "$owner" = ce_owner ] && [ "$lookups" = "timely_filing true 407" ]
ok $? "the owner installs the trusted extension and looks codes up ($owner: $lookups)"

as ce_owner owned_db -c "INSERT INTO carc_local (code, description, category, is_denial, avoidable, appealable)
                         VALUES ('Z9', 'Local: out-of-network repricing', 'network', true, false, true)" \
                     -c "UPDATE carc_local SET appealable = false WHERE code = 'Z9'" \
                     -c "INSERT INTO carc_local SELECT * FROM carc_shipped WHERE code = '29'" \
                     -c "UPDATE carc_local SET category = 'other', is_denial = false WHERE code = '29'" \
                     -c "DELETE FROM carc_local WHERE code = '29'" >/dev/null 2>"$OUT/edit.err"
edited=$(as ce_owner owned_db -c "SELECT carc_category('Z9') || ' ' || is_denial('CO', 'Z9') || ' ' || carc_category('29')")
[ "$edited" = "network true timely_filing" ]
ok $? "the owner adds, edits and removes the practice's codes in carc_local ($edited $(cat "$OUT/edit.err"))"

err=$(as ce_owner owned_db -c "UPDATE carc_shipped SET is_denial = false WHERE code = '29'" 2>&1)
[[ "$err" == *"permission denied for table carc_shipped"* ]]
ok $? "the owner cannot change the shipped rows ($err)"

err=$(as ce_owner owned_db -c "ALTER TABLE carc_local ADD COLUMN x int" 2>&1)
[[ "$err" == *"must be owner of table carc_local"* ]]
ok $? "the owner cannot alter the reference tables ($err)"

clerk=$(as ce_clerk owned_db -c "SELECT carc_category('Z9') || ' ' || is_denial('PR', '1') || ' ' || (SELECT count(*) FROM carc_group)")
err=$(as ce_clerk owned_db -c "DELETE FROM carc_local" 2>&1)
[ "$clerk" = "network false 5" ] && [[ "$err" == *"permission denied for table carc_local"* ]]
ok $? "another user reads the codes but cannot edit them ($clerk; $err)"

dump="$OUT/owned.dump"
pg_dump -U ce_owner -Fc -f "$dump" owned_db && createdb -U ce_owner owned_copy &&
    pg_restore -U ce_owner -d owned_copy --exit-on-error "$dump"
restored=$(as ce_owner owned_copy -c "SELECT carc_category('Z9') || ' ' || count(*) FROM carc_local" 2>&1)
dropdb --if-exists owned_copy
[ "$restored" = "network 1" ]
ok $? "the owner dumps and restores the database with its codes ($restored)"
