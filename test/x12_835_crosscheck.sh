#!/usr/bin/env bash
# The 835 parser against an independent one (Debian's libx12-parser-perl):
# claims, service lines, CAS adjustments and their amounts agree on the
# hand-written 835s of sql/x12_835.sql.  X12::Parser reads one delimiter set
# per file, so the interchange with other delimiters is checked on its own.
# Run by test/run against its cluster (PGHOST etc. set); prints a TAP stream.
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if ! perl -MX12::Parser -e 1 2>/dev/null; then
    echo "1..0 # SKIP libx12-parser-perl is not installed"
    exit 0
fi
dir=$(mktemp -d /tmp/contracts_ext_x12.XXXXXX)
trap 'rm -rf "$dir"; dropdb --if-exists x12_crosscheck' EXIT
createdb x12_crosscheck
psql -X -q -d x12_crosscheck -c "CREATE EXTENSION contracts_ext"

# The fixtures: the texts between $x12$ quotes in the regression test; the
# second holds two interchanges, split at its second ISA.
awk -v dir="$dir" '/\$x12\$\);/ { out = ""; next }
                   /\$x12\$$/ { n++; out = dir "/fixture" n ".835"; next }
                   out != "" { print > out }' "$top/sql/x12_835.sql"
awk -v dir="$dir" '/^ISA/ { n++ } { print > (dir "/fixture2_" n ".835") }' "$dir/fixture2.835"
rm "$dir/fixture2.835"

files=("$dir"/*.835)
echo "1..${#files[@]}"
n=0
for f in "${files[@]}"; do
    n=$((n + 1))
    theirs=$(perl "$top/test/x12/x12_parser_counts.pl" "$f" | cut -d'|' -f2-)
    ours=$(psql -X -q -At -v content="$(cat "$f")" -d x12_crosscheck <<'SQL'
        SELECT concat_ws('|', (SELECT count(*) FROM x12_835_claims(:'content')),
                              (SELECT count(*) FROM x12_835_lines(:'content')),
                              (SELECT to_char(coalesce(sum(paid), 0), 'FM999999990.00') FROM x12_835_claims(:'content')),
                              (SELECT to_char(coalesce(sum(paid), 0), 'FM999999990.00') FROM x12_835_lines(:'content')),
                              (SELECT count(*) FROM x12_835_adjustments(:'content')),
                              (SELECT to_char(coalesce(sum(amount), 0), 'FM999999990.00') FROM x12_835_adjustments(:'content')))
SQL
)
    if [ "$ours" = "$theirs" ] && [ -n "$ours" ]; then
        echo "ok $n - $(basename "$f"): claims, lines, CLP04, SVC03, CAS agree ($ours)"
    else
        echo "not ok $n - $(basename "$f"): ours $ours, X12::Parser $theirs"
    fi
done
