#!/usr/bin/env bash
# contracts_ext_load_835 (installed by make install) loads a folder of 835
# files as a role without superuser rights, once per content.  Run by
# test/run against its cluster (PGHOST etc. set); prints a TAP stream.
set -euo pipefail

dir=$(mktemp -d /tmp/contracts_ext_load.XXXXXX)
trap 'rm -rf "$dir"' EXIT
chmod 755 "$dir"
q() { psql -X -q -t -A -v ON_ERROR_STOP=1 -d load_835 "$@"; }
n=0
check() {   # check DESCRIPTION COMMAND...: one TAP line
    local description=$1
    shift
    n=$((n + 1))
    if "$@"; then echo "ok $n - $description"; else echo "not ok $n - $description"; fi
}

createdb load_835
q -c "CREATE EXTENSION contracts_ext" \
  -c "CREATE ROLE remit_clerk LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE" \
  -c "GRANT CREATE ON SCHEMA public TO remit_clerk" \
  -c "CREATE SCHEMA remit"
load() { PGUSER=remit_clerk PGDATABASE=load_835 contracts_ext_load_835 "$@"; }

# Two small 835s: CRLF line ends, a quote and a backslash in names (they
# must survive the trip through \copy unchanged).
mkdir "$dir/era"
printf '%s\r\n' \
  'ISA*00*          *00*          *ZZ*ACMEHEALTH     *ZZ*SMITHFP        *240315*1200*^*00501*000000101*0*T*:~' \
  'GS*HP*ACMEHEALTH*SMITHFP*20240315*1200*101*X*005010X221A1~' \
  'ST*835*0001~' \
  'BPR*I*80*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999988880*DA*98765*20240315~' \
  'TRN*1*EFT0001*1512345678~' \
  'N1*PR*"ACME" HEALTH\PLAN*XV*ACME01~' \
  'LX*1~' \
  'CLP*PCN-001*1*100*80*20*12*PAYER0001~' \
  'CAS*PR*3*20~' \
  'SE*8*0001~' \
  'GE*1*101~' \
  'IEA*1*000000101~' >"$dir/era/a.835"
printf '%s' \
  'ISA|00|          |00|          |ZZ|BETA           |ZZ|SMITHFP        |240316|1200|}|00501|000000102|0|T|>!' \
  'GS|HP|BETA|SMITHFP|20240316|1200|102|X|005010X221A1!ST|835|0001!BPR|I|0|C|NON|||||||||||||20240316!' \
  'N1|PR|BETA MUTUAL!LX|1!CLP|PCN-002|4|50|0||12|BETA0002!CAS|CO|29|50!SE|7|0001!GE|1|102!IEA|1|000000102!' \
  >"$dir/era/b.835"
chmod 644 "$dir"/era/*

echo "1..8"
out=$(load "$dir/era" 2>&1)
check "a non-superuser loads a folder of two files" \
    test "$(q -c "SELECT string_agg(file_name, ',' ORDER BY file_name) FROM remittance_file")" = "a.835,b.835"
check "the loader created the table, owned by the loading role" \
    test "$(q -c "SELECT tableowner FROM pg_tables WHERE tablename = 'remittance_file'")" = remit_clerk
check "content arrives byte for byte: the key is the file's sha256" \
    test "$(q -c "SELECT sha256 FROM remittance_file WHERE file_name = 'a.835'")" = "$(sha256sum <"$dir/era/a.835" | cut -c1-64)"
check "the loaded files parse: claims from both" \
    test "$(q -c "SELECT string_agg(payer_name || '/' || patient_control_number, ',' ORDER BY payer_name) FROM remittance_file, x12_835_claims(content)")" \
         = '"ACME" HEALTH\PLAN/PCN-001,BETA MUTUAL/PCN-002'
out=$(load "$dir/era" 2>&1)
check "loading the folder again loads nothing" \
    grep -q '0 loaded, 2 already there, 0 failed' <<<"$out"
cp "$dir/era/a.835" "$dir/era/a-copy.835"
printf 'not an 835\n' >"$dir/era/c.835"
chmod 644 "$dir"/era/*
status=0
out=$(load "$dir/era" 2>&1) || status=$?
check "a copy under another name is kept once; a bad file fails the run" \
    test "$status" = 1 -a "$(q -c "SELECT count(*) FROM remittance_file")" = 2
check "the bad file's error names the file and the problem" \
    grep -q 'ERROR:  not an X12 interchange' <<<"$out" && grep -q '^failed c.835: not loaded' <<<"$out"
printf 'ST*835*0001~' >"$dir/d.835"
status=0
load -t remit.files "$dir/d.835" >/dev/null 2>&1 || status=$?
check "a table in a schema the role cannot create in is an error" test "$status" = 1

dropdb load_835
psql -X -q -c "DROP ROLE remit_clerk"
